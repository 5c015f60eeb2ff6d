import { describe, expect, it } from 'vitest';
import { SimClock } from '../../base/clock.ts';
import { binaryContent } from '../../host/binaries.ts';
import type { ImageDef } from '../images/types.ts';
import { WORKLOAD_IMAGES } from '../images/workloads.ts';
import { ContainerHost, populateImage } from './container-host.ts';

const program = async () => 0;

function root(def: ImageDef) {
  const host = new ContainerHost({ name: 'web', ip: '10.244.1.5', clock: new SimClock(0), mounts: [] });
  populateImage(host, def);
  return host.rootFs;
}

describe('populateImage', () => {
  it('installs every binary root-owned at its path, setuid where the program is, in folders made on the way', () => {
    const def: ImageDef = {
      repository: 'tools',
      tags: ['1'],
      size: 1,
      entrypoint: [],
      cmd: ['sh'],
      env: {},
      binaries: { sh: program, su: program, daemon: program },
      binaryPaths: { daemon: '/opt/tools/sbin/daemon' },
    };
    const fs = root(def);
    expect(fs.readFile('/bin/sh')).toBe(binaryContent('sh'));
    expect(fs.readFile('/opt/tools/sbin/daemon')).toBe(binaryContent('daemon'));
    expect((fs.stat('/bin/sh').mode & 0o7777).toString(8)).toBe('755');
    expect((fs.stat('/bin/su').mode & 0o7777).toString(8)).toBe('4755');
    expect([fs.stat('/bin/sh').uid, fs.stat('/opt/tools/sbin/daemon').uid, fs.stat('/opt/tools/sbin').type]).toEqual([0, 0, 'dir']);
  });

  it('lets the last program at a path win, mode included', () => {
    const def: ImageDef = { repository: 'x', tags: ['1'], size: 1, entrypoint: [], cmd: [], env: {}, binaries: { su: program, sh: program }, binaryPaths: { su: '/bin/tool', sh: '/bin/tool' } };
    const fs = root(def);
    expect(fs.readFile('/bin/tool')).toBe(binaryContent('sh'));
    expect((fs.stat('/bin/tool').mode & 0o7777).toString(8)).toBe('755');
  });

  it("gives two containers of one image the same layer", () => {
    const nginx = WORKLOAD_IMAGES.find((d) => d.repository === 'nginx')!;
    const [a, b] = [root(nginx), root(nginx)];
    for (const dir of ['/bin', '/usr/sbin', '/etc/nginx/conf.d']) expect(a.readdir(dir)).toEqual(b.readdir(dir));
    expect(a.readFile('/usr/sbin/nginx')).toBe(binaryContent('nginx'));
    expect(a.stat('/docker-entrypoint.sh').mode & 0o111).toBe(0o111);
  });

  it('keeps what one container changes in its image files to itself, dated when the container was made', () => {
    const nginx = WORKLOAD_IMAGES.find((d) => d.repository === 'nginx')!;
    const clock = new SimClock(1000);
    const make = () => {
      const host = new ContainerHost({ name: 'web', ip: '10.244.1.5', clock, mounts: [] });
      populateImage(host, nginx);
      return host.fs;
    };
    const a = make();
    clock.set(5000);
    const b = make();
    a.writeFile('/etc/nginx/conf.d/default.conf', 'server { listen 8080; }\n');
    a.unlink('/bin/ls');
    a.chmod('/bin/sh', 0o700);
    expect(b.readFile('/etc/nginx/conf.d/default.conf')).toContain('listen       80;');
    expect([b.exists('/bin/ls'), b.stat('/bin/sh').mode & 0o777]).toEqual([true, 0o755]);
    expect([a.stat('/bin/cat').mtime, b.stat('/bin/cat').mtime, b.stat('/etc').mtime]).toEqual([1000, 5000, 5000]);
  });
});
