import { describe, expect, it } from 'vitest';
import { SimClock } from '../../base/clock.ts';
import { FsError } from '../types.ts';
import { MemFs } from './memfs.ts';
import { cloneFs, restoreFs, snapshotFs } from './serialize.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const alice = { uid: 1000, gid: 1000, groups: [1000] };
const bob = { uid: 1001, gid: 1001, groups: [1001] };

function setup() {
  const clock = new SimClock(T0);
  const m = new MemFs(clock);
  return { clock, m, fs: m.fs };
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('MemFs basics', () => {
  it('writes, appends and reads text and bytes', () => {
    const { fs } = setup();
    fs.mkdir('/etc');
    fs.writeFile('/etc/hostname', 'controlplane\n');
    fs.writeFile('/etc/hostname', 'more\n', { append: true });
    expect(fs.readFile('/etc/hostname')).toBe('controlplane\nmore\n');
    fs.writeFile('/bin.dat', new Uint8Array([0xff, 0x00, 0x41]));
    expect([...fs.readBytes('/bin.dat')]).toEqual([0xff, 0, 0x41]);
    expect(fs.stat('/bin.dat').size).toBe(3);
    fs.writeFile('/u', 'é'); // two bytes in UTF-8
    expect(fs.stat('/u').size).toBe(2);
  });

  it('reports errno codes like the kernel', () => {
    const { fs } = setup();
    fs.mkdir('/d');
    fs.writeFile('/d/f', 'x');
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/d'))).toBe('EISDIR');
    expect(code(() => fs.readFile('/d/f/x'))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/d'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(code(() => fs.rmdir('/d'))).toBe('ENOTEMPTY');
    expect(code(() => fs.unlink('/d'))).toBe('EISDIR');
    expect(code(() => fs.rmdir('/d/f'))).toBe('ENOTDIR');
    expect(code(() => fs.readdir('/d/f'))).toBe('ENOTDIR');
    expect(code(() => fs.readlink('/d/f'))).toBe('EINVAL');
    expect(code(() => fs.readFile('/d/f/'))).toBe('ENOTDIR');
  });

  it('mkdir -p creates parents and keeps nlink of directories right', () => {
    const { fs } = setup();
    fs.mkdir('/a/b/c', { recursive: true });
    fs.mkdir('/a/b/c', { recursive: true });
    expect(fs.stat('/a').nlink).toBe(3);
    expect(fs.stat('/a/b/c').nlink).toBe(2);
    fs.writeFile('/a/f', '');
    expect(code(() => fs.mkdir('/a/f/g', { recursive: true }))).toBe('ENOTDIR');
    fs.rmdir('/a/b/c');
    expect(fs.stat('/a/b').nlink).toBe(2);
  });

  it('mkdir -p walks symlinks, dots and slashes, and checks permissions on the way', () => {
    const { m, fs } = setup();
    fs.mkdir('/real/x', { recursive: true });
    fs.symlink('/real', '/link');
    fs.mkdir('/link/y/z', { recursive: true });
    fs.mkdir('//real/./x/../w//v/', { recursive: true });
    expect([fs.readdir('/real'), fs.readdir('/real/w')]).toEqual([['w', 'x', 'y'], ['v']]);
    fs.writeFile('/real/file', '');
    expect(code(() => fs.mkdir('/real/file', { recursive: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/real/file/', { recursive: true }))).toBe('ENOTDIR');
    fs.mkdir('/home');
    fs.mkdir('/home/alice', { recursive: true, mode: 0o700 });
    expect(code(() => m.view(alice).mkdir('/home/alice/a/b', { recursive: true }))).toBe('EACCES');
    expect(code(() => m.view(alice).mkdir('/real/mine', { recursive: true }))).toBe('EACCES');
    fs.chown('/home/alice', 1000, 1000);
    m.view(alice).mkdir('/home/alice/a/b', { recursive: true, mode: 0o750 });
    expect([fs.stat('/home/alice/a/b').uid, fs.stat('/home/alice/a').mode & 0o777]).toEqual([1000, 0o750]);
    expect(code(() => m.view(bob).mkdir('/home/alice/a/c', { recursive: true }))).toBe('EACCES');
  });

  it('lists entries in byte order', () => {
    const { fs } = setup();
    for (const n of ['b', 'B', 'a', '_x', '10', '9']) fs.writeFile('/' + n, '');
    expect(fs.readdir('/')).toEqual(['10', '9', 'B', '_x', 'a', 'b']);
  });

  it('stamps mtimes from the simulated clock', () => {
    const { fs, clock } = setup();
    fs.writeFile('/f', 'a');
    clock.set(T0 + 5000);
    fs.writeFile('/f', 'b', { append: true });
    expect(fs.stat('/f').mtime).toBe(T0 + 5000);
    expect(fs.stat('/').mtime).toBe(T0);
  });
});

describe('symlinks', () => {
  it('follows relative and absolute links, and lstat does not', () => {
    const { fs } = setup();
    fs.mkdir('/usr/bin', { recursive: true });
    fs.writeFile('/usr/bin/ls', 'x');
    fs.symlink('usr/bin', '/bin');
    fs.symlink('/usr/bin/ls', '/l');
    expect(fs.readFile('/bin/ls')).toBe('x');
    expect(fs.readFile('/l')).toBe('x');
    expect(fs.lstat('/bin').type).toBe('symlink');
    expect(fs.stat('/bin').type).toBe('dir');
    expect(fs.realpath('/bin/ls')).toBe('/usr/bin/ls');
    expect(fs.realpath('/usr/bin/../bin/./ls')).toBe('/usr/bin/ls');
    expect(fs.readlink('/bin')).toBe('usr/bin');
  });

  it('resolves .. physically through a link', () => {
    const { fs } = setup();
    fs.mkdir('/a/b', { recursive: true });
    fs.writeFile('/a/marker', 'm');
    fs.symlink('/a/b', '/link');
    expect(fs.readFile('/link/../marker')).toBe('m');
  });

  it('writes through a dangling link create its target', () => {
    const { fs } = setup();
    fs.symlink('/target', '/dangling');
    expect(fs.exists('/dangling')).toBe(false);
    fs.writeFile('/dangling', 'hi');
    expect(fs.readFile('/target')).toBe('hi');
  });

  it('detects loops with ELOOP', () => {
    const { fs } = setup();
    fs.symlink('/b', '/a');
    fs.symlink('/a', '/b');
    expect(code(() => fs.readFile('/a'))).toBe('ELOOP');
    fs.symlink('self', '/self');
    expect(code(() => fs.stat('/self'))).toBe('ELOOP');
    expect(fs.lstat('/self').type).toBe('symlink');
  });
});

describe('rename', () => {
  it('moves files and directories, replacing compatible targets', () => {
    const { fs } = setup();
    fs.mkdir('/x/y', { recursive: true });
    fs.writeFile('/x/y/f', '1');
    fs.writeFile('/g', '2');
    fs.rename('/x/y/f', '/g');
    expect(fs.readFile('/g')).toBe('1');
    expect(fs.exists('/x/y/f')).toBe(false);
    fs.mkdir('/z');
    fs.rename('/x/y', '/z');
    expect(fs.readdir('/z')).toEqual([]);
    expect(fs.realpath('/z')).toBe('/z');
    expect(fs.stat('/x').nlink).toBe(2);
  });

  it('refuses what rename(2) refuses', () => {
    const { fs } = setup();
    fs.mkdir('/d/sub', { recursive: true });
    fs.mkdir('/full');
    fs.writeFile('/full/f', '');
    fs.writeFile('/file', '');
    expect(code(() => fs.rename('/d', '/d/sub/inner'))).toBe('EINVAL');
    expect(code(() => fs.rename('/d', '/file'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('/file', '/d'))).toBe('EISDIR');
    expect(code(() => fs.rename('/d', '/full'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rename('/missing', '/x'))).toBe('ENOENT');
  });
});

describe('permissions', () => {
  function users() {
    const s = setup();
    s.fs.mkdir('/home/alice', { recursive: true });
    s.fs.chown('/home/alice', 1000, 1000);
    s.fs.chmod('/home/alice', 0o750);
    s.fs.mkdir('/tmp');
    s.fs.chmod('/tmp', 0o1777);
    s.fs.writeFile('/etc-shadow', 'secret', { mode: 0o640 });
    return { ...s, a: s.m.view(alice), b: s.m.view(bob) };
  }

  it('enforces read, write and search bits', () => {
    const { a, b } = users();
    a.writeFile('/home/alice/notes', 'n');
    expect(code(() => b.readFile('/home/alice/notes'))).toBe('EACCES');
    expect(code(() => b.readdir('/home/alice'))).toBe('EACCES');
    expect(code(() => a.readFile('/etc-shadow'))).toBe('EACCES');
    expect(code(() => a.writeFile('/new', ''))).toBe('EACCES');
    expect(a.stat('/home/alice/notes').uid).toBe(1000);
    expect(a.access?.('/home/alice/notes', 2)).toBe(true);
    expect(b.access?.('/etc-shadow', 4)).toBe(false);
  });

  it('lets only the owner or root chmod, and only root chown', () => {
    const { fs, a, b } = users();
    a.writeFile('/tmp/a', '');
    expect(code(() => b.chmod('/tmp/a', 0o777))).toBe('EPERM');
    a.chmod('/tmp/a', 0o600);
    expect(code(() => a.chown('/tmp/a', 1001, 1001))).toBe('EPERM');
    fs.chown('/tmp/a', 1001, 1001);
    expect(fs.stat('/tmp/a').uid).toBe(1001);
  });

  it('honours the sticky bit on /tmp', () => {
    const { fs, a, b } = users();
    a.writeFile('/tmp/mine', '');
    expect(code(() => b.unlink('/tmp/mine'))).toBe('EPERM');
    expect(code(() => b.rename('/tmp/mine', '/tmp/other'))).toBe('EPERM');
    a.unlink('/tmp/mine');
    b.writeFile('/tmp/bobs', '');
    fs.unlink('/tmp/bobs');
  });

  it('root may read anything but execute only executable files', () => {
    const { fs } = users();
    fs.writeFile('/script', 'x', { mode: 0o600 });
    expect(fs.access?.('/script', 1)).toBe(false);
    fs.chmod('/script', 0o700);
    expect(fs.access?.('/script', 1)).toBe(true);
  });
});

describe('watch', () => {
  it('reports creates, writes, deletes and renames under a directory', () => {
    const { fs } = setup();
    fs.mkdir('/etc/kubernetes/manifests', { recursive: true });
    const seen: string[] = [];
    const w = fs.watch('/etc/kubernetes/manifests', (p) => seen.push(p));
    fs.writeFile('/etc/kubernetes/manifests/etcd.yaml', 'a');
    fs.writeFile('/etc/kubernetes/manifests/etcd.yaml', 'b');
    fs.rename('/etc/kubernetes/manifests/etcd.yaml', '/tmp-etcd.yaml');
    fs.writeFile('/etc/kubernetes/other', 'x');
    w.close();
    fs.writeFile('/etc/kubernetes/manifests/late.yaml', 'c');
    expect(seen).toEqual([
      '/etc/kubernetes/manifests/etcd.yaml',
      '/etc/kubernetes/manifests/etcd.yaml',
      '/etc/kubernetes/manifests/etcd.yaml',
    ]);
  });
});

describe('hard links', () => {
  it('share content and count links', () => {
    const { fs } = setup();
    fs.writeFile('/a', 'one');
    fs.link?.('/a', '/b');
    expect(fs.stat('/a').nlink).toBe(2);
    fs.writeFile('/b', 'two');
    expect(fs.readFile('/a')).toBe('two');
    fs.unlink('/a');
    expect(fs.stat('/b').nlink).toBe(1);
  });
});

describe('snapshots', () => {
  it('round-trips every kind of node', () => {
    const { m, fs, clock } = setup();
    fs.mkdir('/etc/ssl', { recursive: true, mode: 0o700 });
    fs.writeFile('/etc/ssl/k', new Uint8Array([1, 2, 250]), { mode: 0o600, uid: 5, gid: 6 });
    fs.writeFile('/etc/t', 'text');
    fs.symlink('/etc/t', '/etc/link');
    fs.link?.('/etc/t', '/etc/hard');
    m.makeNullDevice('/null');
    clock.set(T0 + 1000);
    const snap = snapshotFs(m);
    const back = restoreFs(JSON.parse(JSON.stringify(snap)), clock);
    expect(snapshotFs(back)).toEqual(snap);
    expect([...back.fs.readBytes('/etc/ssl/k')]).toEqual([1, 2, 250]);
    expect(back.fs.stat('/etc/hard').nlink).toBe(2);
    back.fs.writeFile('/null', 'gone');
    expect(back.fs.readFile('/null')).toBe('');
    const c = cloneFs(m);
    c.fs.writeFile('/etc/t', 'changed');
    expect(fs.readFile('/etc/t')).toBe('text');
  });

  it('handles thousands of files', () => {
    const { m, fs } = setup();
    for (let d = 0; d < 50; d++) {
      fs.mkdir(`/data/d${d}`, { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFile(`/data/d${d}/f${f}`, `content ${d} ${f}\n`);
    }
    const snap = snapshotFs(m);
    expect(snap.nodes.length).toBe(1 + 1 + 50 + 5000);
    const back = restoreFs(snap, m.clock);
    expect(back.fs.readFile('/data/d49/f99')).toBe('content 49 99\n');
  });
});
