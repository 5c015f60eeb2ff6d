import { describe, expect, it } from 'vitest';
import { SimClock } from '../../base/clock.ts';
import type { FileSystem } from '../types.ts';
import { buildLayer, layLayer } from './layer.ts';
import { MemFs } from './memfs.ts';
import { snapshotFs } from './serialize.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const alice = { uid: 1000, gid: 1000, groups: [1000] };

/** image writes a small image: folders, a setuid binary, text, bytes, a symlink, a hard link and /dev/null. */
function image(fs: FileSystem, m: MemFs): void {
  fs.mkdir('/usr/bin', { recursive: true });
  fs.mkdir('/tmp');
  fs.chmod('/tmp', 0o1777);
  fs.writeFile('/usr/bin/su', '#!exec su\n', { mode: 0o4755 });
  fs.writeFile('/usr/bin/cat', '#!exec cat\n', { mode: 0o755 });
  fs.mkdir('/etc');
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  fs.writeFile('/etc/blob', new Uint8Array([1, 2, 3]));
  fs.symlink('usr/bin', '/bin');
  fs.writeFile('/etc/a', 'linked\n');
  fs.link!('/etc/a', '/etc/b');
  fs.mkdir('/dev');
  m.makeNullDevice('/dev/null');
}

function tree(clock: SimClock, layer = buildLayer(image)): MemFs {
  const m = new MemFs(clock);
  layLayer(m, layer);
  return m;
}

describe('shared layers', () => {
  it('gives a fresh tree exactly what writing the files there would: inodes, modes, times, links', () => {
    const clock = new SimClock(T0);
    const layer = buildLayer(image);
    clock.set(T0 + 5000);
    const direct = new MemFs(clock);
    image(direct.fs, direct);
    expect(snapshotFs(tree(clock, layer))).toEqual(snapshotFs(direct));
    expect(tree(clock).fs.stat('/etc/a').nlink).toBe(2);
  });

  it('keeps a change in one tree out of the others (copy-up keeps the inode number)', () => {
    const clock = new SimClock(T0);
    const layer = buildLayer(image);
    const [a, b] = [tree(clock, layer), tree(clock, layer)];
    const ino = a.fs.stat('/etc/passwd').ino;
    clock.set(T0 + 1000);
    a.fs.writeFile('/etc/passwd', 'nginx:x:101:101::/:/bin/sh\n', { append: true });
    expect(a.fs.readFile('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101::/:/bin/sh\n');
    expect(b.fs.readFile('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\n');
    expect([a.fs.stat('/etc/passwd').ino, a.fs.stat('/etc/passwd').mtime, b.fs.stat('/etc/passwd').mtime]).toEqual([ino, T0 + 1000, T0]);
    a.fs.chmod('/usr/bin/cat', 0o700);
    a.fs.chown('/bin/su', 1000, 1000);
    a.fs.utimes!('/etc/blob', T0 - 1000);
    a.fs.utimes!('/bin', T0 - 2000, { noFollow: true });
    expect([b.fs.stat('/usr/bin/cat').mode & 0o7777, b.fs.stat('/usr/bin/su').uid, b.fs.stat('/etc/blob').mtime, b.fs.lstat('/bin').mtime]).toEqual([0o755, 0, T0, T0]);
    expect([a.fs.stat('/usr/bin/cat').mode & 0o7777, a.fs.stat('/usr/bin/su').uid, a.fs.stat('/etc/blob').mtime, a.fs.lstat('/bin').mtime]).toEqual([0o700, 1000, T0 - 1000, T0 - 2000]);
  });

  it('unlinks, renames and hard-links layer files in one tree only', () => {
    const clock = new SimClock(T0);
    const layer = buildLayer(image);
    const [a, b] = [tree(clock, layer), tree(clock, layer)];
    a.fs.unlink('/usr/bin/cat');
    a.fs.rename('/usr/bin/su', '/usr/bin/su2');
    a.fs.rename('/etc/blob', '/etc/passwd');
    a.fs.link!('/usr/bin/su2', '/usr/bin/su3');
    expect(a.fs.readdir('/usr/bin')).toEqual(['su2', 'su3']);
    expect(b.fs.readdir('/usr/bin')).toEqual(['cat', 'su']);
    expect([...a.fs.readBytes('/etc/passwd')]).toEqual([1, 2, 3]);
    expect(b.fs.readFile('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\n');
    expect([a.fs.stat('/usr/bin/su3').nlink, a.fs.stat('/usr/bin/su3').ino]).toEqual([2, a.fs.stat('/usr/bin/su2').ino]);
    expect(b.fs.stat('/usr/bin/su').nlink).toBe(1);
    a.fs.writeFile('/usr/bin/su3', 'changed\n');
    expect([a.fs.readFile('/usr/bin/su2'), b.fs.readFile('/usr/bin/su')]).toEqual(['changed\n', '#!exec su\n']);
  });

  it('gives each tree its own folders and devices', () => {
    const clock = new SimClock(T0);
    const layer = buildLayer(image);
    const [a, b] = [tree(clock, layer), tree(clock, layer)];
    a.fs.writeFile('/tmp/x', 'x');
    a.fs.writeFile('/dev/null', 'gone');
    a.fs.writeFile('/usr/bin/../../tmp/y', 'y');
    a.fs.unlink('/dev/null');
    a.fs.rmdir('/dev');
    expect(a.fs.exists('/dev')).toBe(false);
    expect([b.fs.readdir('/tmp'), b.fs.readdir('/dev'), b.fs.readFile('/dev/null')]).toEqual([[], ['null'], '']);
    expect(a.fs.realpath('/usr/bin/../../etc')).toBe('/etc');
    a.fs.mkdir('/usr/bin/sub');
    a.fs.writeFile('/usr/bin/sub/../../bin/new', 'n');
    expect([a.fs.stat('/usr/bin').nlink, b.fs.stat('/usr/bin').nlink, b.fs.readdir('/usr/bin')]).toEqual([3, 2, ['cat', 'su']]);
    expect(a.fs.readdir('/usr/bin')).toEqual(['cat', 'new', 'su', 'sub']);
    expect(a.view(alice).readdir('/tmp')).toEqual(['x', 'y']);
  });

  it('merges into folders a tree already has, with inode numbers after its own', () => {
    const clock = new SimClock(T0);
    const m = new MemFs(clock);
    m.fs.mkdir('/etc/nginx', { recursive: true });
    m.fs.writeFile('/etc/passwd', 'mine\n');
    layLayer(m, buildLayer(image));
    expect(m.fs.readdir('/etc')).toEqual(['a', 'b', 'blob', 'nginx', 'passwd']);
    expect(m.fs.readFile('/etc/passwd')).toBe('mine\n');
    const inos = ['/etc', '/etc/nginx', '/etc/passwd', '/etc/a', '/etc/blob', '/usr', '/usr/bin', '/usr/bin/su', '/bin', '/tmp', '/dev/null'].map((p) => m.fs.lstat(p).ino);
    expect(new Set(inos).size).toBe(inos.length);
    m.fs.writeFile('/new', 'n');
    expect(inos).not.toContain(m.fs.stat('/new').ino);
    expect(m.fs.stat('/etc').nlink).toBe(3);
    expect(() => layLayer(m, buildLayer(image))).toThrow(/already holds/);
  });
});
