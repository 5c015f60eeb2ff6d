import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from '../../shell/testing/lab.ts';

describe('vi, vim and nano', () => {
  it('open each file in the editor as the user who ran them, and save through it', async () => {
    const opened: string[] = [];
    const lab = createTestLab({
      editor: {
        async edit(req) {
          opened.push(`${req.host}:${req.path}:${req.user.name}`);
          const fs = lab.hosts.get(req.host)!.fsFor(req.user);
          fs.writeFile(req.path, 'typed\n');
          return { saved: true };
        },
      },
    });
    const t = await TestTerminal.open(lab);
    const r = await t.run('vi a.yaml && vim +3 b.yaml && nano c.txt; cat a.yaml');
    expect(r.stdout).toBe('typed\n');
    expect(opened).toEqual([
      'controlplane:/home/candidate/a.yaml:candidate',
      'controlplane:/home/candidate/b.yaml:candidate',
      'controlplane:/home/candidate/c.txt:candidate',
    ]);
  });

  it('fail as vim does on a file the user may not write, and on a directory', async () => {
    const lab = createTestLab({
      editor: {
        async edit(req) {
          lab.hosts.get(req.host)!.fsFor(req.user).writeFile(req.path, 'x');
          return { saved: true };
        },
      },
    });
    const t = await TestTerminal.open(lab);
    const denied = await t.run('vi /etc/hosts');
    expect([denied.code, denied.stderr]).toEqual([1, '"/etc/hosts" E212: Can\'t open file for writing\n']);
    const dir = await t.run('vim /tmp');
    expect([dir.code, dir.stderr]).toEqual([1, '"/tmp" is a directory\n']);
    expect((await t.run('vi')).code).toBe(1);
  });
});
