/**
 * Records what the real procps sysctl, kmod (lsmod, modprobe) and util-linux
 * swapon print, into engine/tools/sysadmin/testdata/sysadmin.json.
 *
 * lsmod and swapon read /proc/modules, /sys/module and /proc/swaps; the
 * recording gives them a known state in a private mount namespace (unshare -m
 * with tmpfs over /proc and /sys), so the output depends only on that state.
 * sysctl only reads keys, or writes a key back with its current value.
 * The kernel release in modprobe's message is replaced by 5.15.0-122-generic,
 * the lab's kernel. Needs root, util-linux (unshare, swapon), procps and kmod.
 *   node --import tsx scripts/record-golden/sysadmin-texts.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', '..', 'engine/tools/sysadmin/testdata/sysadmin.json');
const tmp = mkdtempSync(join(tmpdir(), 'sysadmin-golden-'));
const release = spawnSync('uname', ['-r']).stdout.toString().trim();

/** MODULES is the loaded-module state given to lsmod: name, size, holders. */
export const MODULES: Array<[string, number, string[]]> = [
  ['br_netfilter', 32768, []], ['bridge', 307200, ['br_netfilter']], ['stp', 16384, ['bridge']], ['llc', 16384, ['bridge', 'stp']], ['overlay', 151552, []],
];
writeFileSync(join(tmp, 'modules'), MODULES.map(([n, s, h]) => `${n} ${s} ${h.length} ${h.length ? h.join(',') + ',' : '-'} Live 0x0000000000000000\n`).join(''));
writeFileSync(join(tmp, 'swaps'), 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/swap.img                               file\t\t2097148\t\t0\t\t-2\n');
const mk = MODULES.map(([n, s, h]) => `mkdir -p /sys/module/${n}/holders; echo ${s} > /sys/module/${n}/coresize; echo ${h.length} > /sys/module/${n}/refcnt; echo live > /sys/module/${n}/initstate; ${h.map((x) => `mkdir -p /sys/module/${x}; ln -s ../../${x} /sys/module/${n}/holders/${x}`).join('; ')}`).join('\n');
const script = `mount -t tmpfs none /proc && cp ${tmp}/modules /proc/modules && cp ${tmp}/swaps /proc/swaps && mount -t tmpfs none /sys\n${mk}\necho '### lsmod'; lsmod\necho '### swapon --show'; swapon --show\necho '### swapon'; swapon\n`;
writeFileSync(join(tmp, 'fake.sh'), script);

interface Rec { name: string; argv: string[]; stdout: string; stderr: string; code: number }
const recs: Rec[] = [];
const run = (name: string, argv: string[]) => {
  const r = spawnSync(argv[0]!, argv.slice(1), { env: { ...process.env, LC_ALL: 'C' } });
  recs.push({ name, argv, stdout: r.stdout.toString(), stderr: r.stderr.toString().replaceAll(release, '5.15.0-122-generic').replaceAll(tmp, '/tmp'), code: r.status ?? 1 });
};
const fake = spawnSync('unshare', ['-m', 'sh', join(tmp, 'fake.sh')]).stdout.toString();
for (const part of fake.split('### ').slice(1)) {
  const nl = part.indexOf('\n');
  recs.push({ name: part.slice(0, nl), argv: part.slice(0, nl).split(' '), stdout: part.slice(nl + 1), stderr: '', code: 0 });
}
const fwd = spawnSync('sysctl', ['-n', 'net.ipv4.ip_forward']).stdout.toString().trim();
writeFileSync(join(tmp, 'k8s.conf'), `# written by the recorder\nnet.ipv4.ip_forward = ${fwd}\nnet.nonexistent.key = 1\n`);
run('sysctl-read-missing', ['sysctl', 'net.nonexistent.key']);
run('sysctl-load', ['sysctl', '-p', join(tmp, 'k8s.conf')]);
run('sysctl-load-missing-file', ['sysctl', '-p', '/nonexistent/k8s.conf']);
run('modprobe-unknown', ['modprobe', 'nosuchmodule']);
writeFileSync(out, JSON.stringify(recs.map((r) => ({ ...r, stdout: r.stdout.replaceAll(tmp, '/tmp'), argv: r.argv.map((a) => a.replaceAll(tmp, '/tmp')) })), null, 2) + '\n');
rmSync(tmp, { recursive: true, force: true });
console.log(`recorded ${out} (${recs.length} outputs; ip_forward was ${fwd})`);
