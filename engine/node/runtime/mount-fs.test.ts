import { describe, expect, it } from 'vitest';
import { SimClock } from '../../base/clock.ts';
import { FsError } from '../../host/types.ts';
import { MemFs } from '../../host/fs/memfs.ts';
import { mountFs } from './mount-fs.ts';

describe('mountFs', () => {
  it('routes every spelling of a path under a mount to the mounted folder, and read-only mounts refuse writes', () => {
    const clock = new SimClock(0);
    const root = new MemFs(clock).fs;
    const node = new MemFs(clock).fs;
    root.mkdir('/etc/config', { recursive: true });
    node.mkdir('/var/lib/kubelet/pods/u1/volumes/cm', { recursive: true });
    node.writeFile('/var/lib/kubelet/pods/u1/volumes/cm/app.conf', 'x=1\n');
    const fs = mountFs(root, [{ containerPath: '/etc/config', fs: node, sourcePath: '/var/lib/kubelet/pods/u1/volumes/cm', readOnly: true }]);
    for (const p of ['/etc/config/app.conf', '/etc//config/app.conf', '/etc/./config/app.conf', '/etc/x/../config/app.conf']) expect(fs.readFile(p)).toBe('x=1\n');
    expect(fs.readdir('/etc/config/')).toEqual(['app.conf']);
    expect(fs.realpath('/etc/config/app.conf')).toBe('/etc/config/app.conf');
    expect(() => fs.writeFile('/etc/config/new', '')).toThrow(FsError);
    fs.writeFile('/etc/configs', 'beside the mount\n');
    expect(root.readFile('/etc/configs')).toBe('beside the mount\n');
  });
});
