import { describe, expect, it } from 'vitest';
import { SimClock } from '../base/clock.ts';
import { binaryContent, programNameOf } from './binaries.ts';
import { createHost } from './image.ts';
import { parseGroup, parsePasswd } from './users.ts';

const clock = () => new SimClock(Date.UTC(2026, 0, 5, 9));

describe('default image', () => {
  const host = createHost({ name: 'controlplane', ip: '192.168.100.10', clock: clock(), programs: [{ name: 'ls', path: '/usr/bin/ls' }, { name: 'sudo', path: '/usr/bin/sudo' }], peers: [{ name: 'node01', ip: '192.168.100.11' }] });

  it('has the users, groups and sudo rights of the exam hosts', () => {
    expect(host.user('candidate')).toEqual({ name: 'candidate', uid: 1000, gid: 1000, home: '/home/candidate', shell: '/bin/bash', groups: [1000, 4, 24, 27, 30, 46, 110] });
    expect(host.user(0)?.name).toBe('root');
    expect(host.sudo(host.user('candidate')!)).toEqual({ allowed: true, nopasswd: true });
    expect(host.sudo(host.user('nobody')!)).toEqual({ allowed: false, nopasswd: false });
  });

  it('lays out an Ubuntu-like tree', () => {
    const fs = host.fs;
    expect(fs.readFile('/etc/hostname')).toBe('controlplane\n');
    expect(fs.readFile('/etc/hosts')).toContain('192.168.100.11 node01\n');
    expect(fs.stat('/tmp').mode).toBe(0o1777);
    expect(fs.stat('/etc/shadow')).toMatchObject({ mode: 0o640, gid: 42 });
    expect(fs.readlink('/bin')).toBe('usr/bin');
    expect(fs.stat('/home/candidate')).toMatchObject({ uid: 1000, mode: 0o750 });
    expect(fs.readFile('/etc/os-release')).toContain('Ubuntu 22.04');
    expect(fs.stat('/usr/bin/sudo').mode).toBe(0o4755);
    expect(programNameOf(fs.readFile('/bin/ls'))).toBe('ls');
  });

  it('re-reads users when /etc/passwd changes', () => {
    const h = createHost({ name: 'n', ip: '10.0.0.1', clock: clock() });
    expect(h.user('bob')).toBeUndefined();
    h.fs.writeFile('/etc/passwd', 'bob:x:1500:1500::/home/bob:/bin/sh\n', { append: true });
    expect(h.user('bob')?.uid).toBe(1500);
  });

  it('restores a snapshot in place, keeping watchers', () => {
    const h = createHost({ name: 'n', ip: '10.0.0.1', clock: clock() });
    const snap = h.snapshot();
    const seen: string[] = [];
    h.fs.watch('/etc', (p) => seen.push(p));
    h.fs.writeFile('/etc/motd', 'x');
    h.restore(snap);
    expect(h.fs.exists('/etc/motd')).toBe(false);
    expect(seen).toEqual(['/etc/motd', '/etc']);
  });
});

describe('binaries and account files', () => {
  it('marks and reads program binaries', () => {
    expect(programNameOf(binaryContent('kubectl'))).toBe('kubectl');
    expect(programNameOf('#!/bin/bash\necho hi\n')).toBeUndefined();
  });

  it('parses passwd and group, skipping malformed lines', () => {
    expect(parsePasswd('root:x:0:0:root:/root:/bin/bash\nbroken\nx:x:notanumber:0::/:/bin/sh\n')).toEqual([{ name: 'root', uid: 0, gid: 0, gecos: 'root', home: '/root', shell: '/bin/bash' }]);
    expect(parseGroup('sudo:x:27:a,b\n')).toEqual([{ name: 'sudo', gid: 27, members: ['a', 'b'] }]);
  });

  it('keeps a process table for ps', () => {
    const h = createHost({ name: 'n', ip: '10.0.0.1', clock: clock() });
    const pid = h.procs.spawn({ user: 'root', uid: 0, command: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml' });
    expect(h.procs.list().map((p) => p.command)).toContain('/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml');
    h.procs.signal(pid, 15);
    expect(h.procs.get(pid)).toBeUndefined();
  });
});
