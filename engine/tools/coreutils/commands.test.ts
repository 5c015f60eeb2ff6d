import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from '../../shell/testing/lab.ts';
import { COREUTILS } from './index.ts';
import { PROGRAMS } from '../registry.ts';
import { formatPrintf } from './lib/printf.ts';
import { posixToJs } from './lib/regex.ts';
import { matchPattern, stripPrefix, replacePattern } from './lib/pattern.ts';
import { parseMode } from './lib/mode.ts';
import { columnize } from './lib/columns.ts';

describe('registry', () => {
  it('has unique names, each installed under /usr/bin and documented', () => {
    const names = PROGRAMS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of COREUTILS) {
      expect(p.path).toMatch(/^\/usr\/(s?bin)\//);
      expect(p.man).toMatch(new RegExp(`^${p.name} - `));
    }
  });
});

describe('commands that depend on the host', () => {
  it('identify the user, the host and the system', async () => {
    const t = await TestTerminal.open(createTestLab());
    expect((await t.run('whoami; id -u; id -gn; id -G; hostname; hostname -i')).stdout).toBe('candidate\n1000\ncandidate\n1000 4 24 27 30 46 110\ncontrolplane\n192.168.100.10\n');
    expect((await t.run('uname -a')).stdout).toBe('Linux controlplane 5.15.0-122-generic #132-Ubuntu SMP Thu Aug 29 13:45:52 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n');
    expect((await t.run('id nobody-here')).stderr).toBe('id: \u2018nobody-here\u2019: no such user\n');
    expect((await t.run('date; date +%s')).stdout).toBe('Mon Jan  5 09:00:00 UTC 2026\n1767603600\n');
  });

  it('ps lists the login shell and itself; df and free print their tables', async () => {
    const t = await TestTerminal.open(createTestLab());
    const ps = (await t.run('ps aux')).stdout.split('\n');
    expect(ps[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(ps.some((l) => /^candida\+ +\d+ .* pts\/0 +Ss .* -bash$/.test(l))).toBe(true);
    expect(ps.some((l) => l.endsWith(' ps aux'))).toBe(true);
    expect((await t.run('ps -ef | head -1')).stdout).toBe('UID          PID    PPID  C STIME TTY          TIME CMD\n');
    expect((await t.run('df -h / | tail -1')).stdout).toBe('/dev/root        29G  5.6G   24G  20% /\n');
    expect((await t.run('free -m | head -2')).stdout).toBe('               total        used        free      shared  buff/cache   available\nMem:            3921         940        1681           1        1299        2980\n');
  });

  it('man prints the page of a program, or says there is none', async () => {
    const t = await TestTerminal.open(createTestLab());
    const r = await t.run('man ls');
    expect(r.stdout.split('\n')[0]).toMatch(/^LS\(1\) +User Commands +LS\(1\)$/);
    expect(r.stdout).toContain('NAME\n       ls - list directory contents\n');
    expect(await t.run('man nope')).toMatchObject({ code: 16, stderr: 'No manual entry for nope\n' });
  });

  it('sudo -l and env show what a real host shows', async () => {
    const t = await TestTerminal.open(createTestLab());
    expect((await t.run('sudo -l')).stdout).toContain('User candidate may run the following commands on controlplane:\n    (ALL : ALL) ALL\n    (ALL) NOPASSWD: ALL\n');
    expect((await t.run('sudo env | grep -E "^(USER|HOME|SUDO_USER)=" | cat')).stdout).toBe('HOME=/root\nUSER=root\nSUDO_USER=candidate\n');
    expect(await t.run('sudo nosuch')).toMatchObject({ code: 127, stderr: 'sudo: nosuch: command not found\n' });
    expect((await t.run('sudo ETCDCTL_API=3 FOO=a=b env | grep -E "^(ETCDCTL_API|FOO|USER)=" | cat')).stdout).toBe('USER=root\nETCDCTL_API=3\nFOO=a=b\n');
    expect((await t.run('env | grep ^LOGNAME | cat')).stdout).toBe('LOGNAME=candidate\n');
  });

  it('tar refuses to write an archive to the terminal', async () => {
    const t = await TestTerminal.open(createTestLab());
    expect(await t.run('tar c /etc/hostname')).toMatchObject({ code: 2, stderr: "tar: Removing leading `/' from member names\ntar: Refusing to write archive contents to terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n".replace("tar: Removing leading `/' from member names\n", '') });
  });

  it('timeout stops a long command with 124 and kubectl-style watchers stop on a closed pipe', async () => {
    const t = await TestTerminal.open(createTestLab());
    expect((await t.run('timeout 3 sleep 60; echo $?')).stdout).toBe('124\n');
    expect((await t.run('yes | head -n 2')).stdout).toBe('y\ny\n');
  });

  it('sleep infinity waits until Ctrl-C; awk and sed loops that never wait end as Ctrl-C would end them', async () => {
    const t = await TestTerminal.open(createTestLab());
    const t0 = t.lab.runtime.now;
    expect((await t.run('sleep infinity', { interruptAfterMs: 3_600_000 })).code).toBe(130);
    expect(t.lab.runtime.now - t0).toBe(3_600_000);
    expect((await t.run('sleep INF 1', { interruptAfterMs: 1000 })).code).toBe(130);
    expect((await t.run('sleep infx')).stderr).toBe("sleep: invalid time interval ‘infx’\nTry 'sleep --help' for more information.\n");
    expect((await t.run(`awk 'BEGIN { while (1) {} }'; echo $?`)).stdout).toBe('130\n');
    expect((await t.run(`echo a | sed ':a;ba'; echo $?`)).stdout).toBe('130\n');
    expect((await t.run(`awk 'BEGIN { for (i = 0; i < 1000; i++) n++; print n }'`)).stdout).toBe('1000\n');
  });
});

describe('library pieces', () => {
  it('printf formats like C', () => {
    expect(formatPrintf('%5.2f|%-4d|%04x|%e|%g|%g|%s', ['3.14159', '7', '255', '1234.5', '0.0001', '1e20', 'x'], 'coreutils').out).toBe(' 3.14|7   |00ff|1.234500e+03|0.0001|1e+20|x');
    expect(formatPrintf('%s\\n', ['a', 'b'], 'bash').out).toBe('a\nb\n');
    expect(formatPrintf('%d', ['abc'], 'bash').errors).toEqual(['abc: invalid number']);
  });

  it('translates POSIX regular expressions', () => {
    expect(new RegExp(posixToJs('a\\(b\\)*c', false)).test('abbc')).toBe(true);
    expect(new RegExp(posixToJs('a(b)*c', false)).test('a(b)c')).toBe(true);
    expect(new RegExp(posixToJs('[[:digit:]]+$', true)).test('x42')).toBe(true);
    expect(new RegExp(posixToJs('\\<web\\>', false)).test('a web b')).toBe(true);
  });

  it('matches shell patterns', () => {
    expect(matchPattern('file.yaml', '*.y?ml')).toBe(true);
    expect(matchPattern('a', '[!a]')).toBe(false);
    expect(matchPattern('x.yml', '@(*.yaml|*.yml)')).toBe(true);
    expect(stripPrefix('a/b/c', '*/', true)).toBe('c');
    expect(replacePattern('aXbXc', 'X', '-', true)).toBe('a-b-c');
  });

  it('applies chmod modes', () => {
    expect(parseMode('u+x', 0o644, false)).toBe(0o744);
    expect(parseMode('go-r', 0o644, false)).toBe(0o600);
    expect(parseMode('a=rX', 0o700, true)).toBe(0o555);
    expect(parseMode('4755', 0, false)).toBe(0o4755);
    expect(parseMode('q+x', 0, false)).toBeUndefined();
  });

  it('lays out columns like ls', () => {
    expect(columnize(['a', 'b', 'c'], [1, 1, 1], 80)).toBe('a  b  c\n');
    expect(columnize(['aaaaaaaaaa', 'b', 'c'], [10, 1, 1], 12)).toBe('aaaaaaaaaa\nb\nc\n');
  });
});
