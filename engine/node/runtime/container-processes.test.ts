import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../lab/testing/stepped-lab.ts';

/**
 * What a container runs, seen from inside (ps in the image that has one) and
 * from its node: one process per program (an exec replaces, a shell's -c is
 * one shell), the tools each image really carries, and the texts of the
 * image's own /bin/sh.
 */
describe('processes and tools inside containers', () => {
  const lab = async () => {
    const l = await steppedLab({ seed: 5 });
    const run = async (line: string) => (await l.run(line)).text;
    await run('kubectl run b --image=busybox -- sleep 3600');
    await run('kubectl run t --image=busybox -- sh -c "sleep 3600; echo done"');
    await run('kubectl run s --image=busybox --overrides=\'{"spec":{"nodeName":"node01"}}\' -- sh -c "exec sleep 3600"');
    await run('kubectl run n --image=nginx --overrides=\'{"spec":{"nodeName":"node01"}}\'');
    await run('kubectl run u --image=ubuntu -- sleep 3600');
    await run('sleep 10');
    return run;
  };

  it('lists one process per program with busybox ps, ps itself running', async () => {
    const run = await lab();
    expect(await run('kubectl exec b -- ps')).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 ps\n');
    expect(await run('kubectl exec t -- ps -o pid,ppid,stat,args')).toBe(
      'PID   PPID  STAT COMMAND\n    1     0 S    sh -c sleep 3600; echo done\n    2     1 S    sleep 3600\n    3     0 R    ps -o pid,ppid,stat,args\n',
    );
    expect(await run('kubectl exec s -- ps -o pid,args')).toBe('PID   COMMAND\n    1 sleep 3600\n    2 ps -o pid,args\n');
    expect(await run('kubectl exec t -- ps -x')).toBe("ps: invalid option -- 'x'\ncommand terminated with exit code 1\n");
  }, 60_000);

  it('shows the node each container process under its shim: the exec result, nginx\'s master and workers', async () => {
    const run = await lab();
    const ps = await run('ssh node01 ps -ef');
    expect(ps).toMatch(/^root +\d+ +\d+ .* sleep 3600$/m);
    expect(ps).not.toMatch(/sh -c exec sleep 3600/);
    const master = /^root +(\d+) +\d+ .* nginx: master process nginx -g daemon off;$/m.exec(ps);
    expect(master).not.toBeNull();
    expect(ps.match(new RegExp(`^root +\\d+ +${master![1]} .* nginx: worker process$`, 'gm'))).toHaveLength(2);
  }, 60_000);

  it('carries only the tools the image has: no ps in Debian or Ubuntu images, no curl in busybox', async () => {
    const run = await lab();
    const missing = (cmd: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\ncommand terminated with exit code 127\n`;
    expect(await run('kubectl exec u -- ps')).toBe(missing('ps'));
    expect(await run('kubectl exec n -- ps aux')).toBe(missing('ps'));
    expect(await run('kubectl exec b -- curl -s http://n')).toBe(missing('curl'));
    expect(await run('kubectl exec n -- curl -s -o /dev/null -w "%{http_code}" localhost')).toBe('200');
  }, 60_000);

  it('answers in the words of the image\'s own sh: busybox ash, Debian dash, and bash by name', async () => {
    const run = await lab();
    expect(await run('kubectl exec b -- sh -c nosuch')).toBe('sh: nosuch: not found\ncommand terminated with exit code 127\n');
    expect(await run('kubectl exec n -- sh -c "true; nosuch"')).toBe('sh: 1: nosuch: not found\ncommand terminated with exit code 127\n');
    expect(await run('kubectl exec n -- bash -c nosuch')).toBe('bash: line 1: nosuch: command not found\ncommand terminated with exit code 127\n');
    expect(await run('printf "echo a\\nnosuch\\n" > /tmp/s.sh; sh /tmp/s.sh; bash /tmp/s.sh')).toBe('a\n/tmp/s.sh: 2: nosuch: not found\na\n/tmp/s.sh: line 2: nosuch: command not found\n');
  }, 60_000);
});
