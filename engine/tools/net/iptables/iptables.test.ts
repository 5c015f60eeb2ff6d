import { describe, expect, it } from 'vitest';
import { R } from '../../../client/refs.ts';
import type { Process, Program } from '../../../host/process.ts';
import { iptablesSave as kubeProxyRules } from '../../../network/kube-proxy/iptables.ts';
import { startKubeProxy } from '../../../network/kube-proxy/proxy.ts';
import { proxyOn } from '../../../network/kube-proxy/registry.ts';
import { netLab } from '../../../network/testing/lab.ts';
import { iptablesSave } from '../iptables-save.ts';
import { runIptables } from './iptables.ts';
import { list } from './list.ts';
import { parseCommand } from './parse.ts';
import { Ruleset } from './ruleset.ts';

/** asUser runs a program as the unprivileged candidate. */
const asUser = (program: Program): Program => (p: Process) => program({ ...p, user: { name: 'candidate', uid: 1000, gid: 1000, home: '/home/candidate', shell: '/bin/bash', groups: [1000] } });

function setup() {
  const lab = netLab();
  for (const n of lab.nodes) startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: n.name });
  const web = lab.addPod({ name: 'web-1', labels: { app: 'web' }, reply: () => ({ status: 200, headers: {}, body: 'ok\n' }) });
  const svc = lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }) as unknown as { spec: { clusterIP: string } };
  lab.syncSlices();
  const ipt = (...args: string[]) => lab.run(runIptables, ['iptables', ...args], 'node01');
  return { lab, web, vip: svc.spec.clusterIP, ipt };
}

describe('iptables -L layout (iptables 1.8.7, tests/shell/testcases/iptables/0002-verbose-output_0)', () => {
  it('lays out -v -n -L and the -v echo of an added rule as the real tool', () => {
    const rs = new Ruleset();
    rs.apply(parseCommand(['-A', 'FORWARD', '-i', 'eth2', '-o', 'eth3', '-s', '10.0.0.1', '-d', '10.0.0.2', '-j', 'ACCEPT']));
    rs.apply(parseCommand(['-I', 'FORWARD', '2', '-i', 'eth2', '-o', 'eth3', '-s', '10.0.0.4', '-d', '10.0.0.5', '-j', 'ACCEPT']));
    const text = list(rs, parseCommand(['-v', '-n', '-L']));
    // upstream's expectation, compared as its test does (diff -Z: trailing blanks ignored)
    const want =
      'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n pkts bytes target     prot opt in     out     source               destination\n\n' +
      'Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n pkts bytes target     prot opt in     out     source               destination\n' +
      '    0     0 ACCEPT     all  --  eth2   eth3    10.0.0.1             10.0.0.2\n    0     0 ACCEPT     all  --  eth2   eth3    10.0.0.4             10.0.0.5\n\n' +
      'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n pkts bytes target     prot opt in     out     source               destination\n';
    expect(text.replace(/ +$/gm, '')).toBe(want);
    // and the real tool's trailing blanks: every header ends with "destination" padded to 19 and a space
    expect(text.split('\n')[1]).toBe(' pkts bytes target     prot opt in     out     source               destination         ');
  });
});

describe('iptables on a node', () => {
  it('refuses a non-root user as iptables-nft does', async () => {
    const { lab } = setup();
    const r = await lab.run(asUser(runIptables), ['iptables', '-L'], 'node01');
    expect(r.stderr).toBe('iptables v1.8.7 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n');
    expect(r.code).toBe(4);
    const s = await lab.run(asUser(iptablesSave), ['iptables-save'], 'node01');
    expect(s.code).toBe(4);
    // parsing comes first: -V needs no privilege
    expect((await lab.run(asUser(runIptables), ['iptables', '-V'], 'node01')).stdout).toBe('iptables v1.8.7 (nf_tables)\n');
  });

  it('lists kube-proxy rules in the nat table with comments, ports and DNAT targets', async () => {
    const { ipt, vip, web } = setup();
    const svcs = await ipt('-t', 'nat', '-L', 'KUBE-SERVICES', '-n');
    expect(svcs.stdout.split('\n').slice(0, 2).join('\n')).toBe('Chain KUBE-SERVICES (2 references)\ntarget     prot opt source               destination         ');
    expect(svcs.stdout).toMatch(new RegExp(`\\nKUBE-SVC-[A-Z0-9]{16}  tcp  --  0\\.0\\.0\\.0/0            ${vip.replace(/\./g, '\\.')} +/\\* default/web cluster IP \\*/ tcp dpt:80\\n`));
    const named = await ipt('-t', 'nat', '-L', 'KUBE-SERVICES');
    expect(named.stdout).toContain('  tcp  --  anywhere             ');
    expect(named.stdout).toContain('/* default/web cluster IP */ tcp dpt:http\n');
    const all = (await ipt('-t', 'nat', '-n', '-L')).stdout;
    expect(all).toContain(`DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            /* default/web */ tcp to:${web.ip}:80\n`);
    expect(all).toContain('MARK       all  --  0.0.0.0/0            0.0.0.0/0            MARK or 0x4000\n');
    expect(all).toContain('Chain KUBE-POSTROUTING (1 references)\n');
    expect(all.startsWith('Chain PREROUTING (policy ACCEPT)\n')).toBe(true);
  });

  it('reads every rule kube-proxy programs', async () => {
    const { lab } = setup();
    const programmed = kubeProxyRules(proxyOn(lab.net, 'node01')!, lab.runtime.now);
    const saved = (await lab.run(iptablesSave, ['iptables-save'], 'node01')).stdout;
    const rules = (t: string) => t.split('\n').filter((l) => l.startsWith('-A ')).length;
    expect(rules(saved)).toBe(rules(programmed));
    expect(saved.match(/^\*\w+$/gm)).toEqual(['*filter', '*nat']);
  });

  it('prints rules with -S in iptables-save syntax, comments quoted as xtables_save_string quotes them', async () => {
    const { ipt } = setup();
    const r = await ipt('-t', 'nat', '-S');
    expect(r.stdout.startsWith('-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n-N KUBE-MARK-MASQ\n')).toBe(true);
    expect(r.stdout).toMatch(/-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/web" -m tcp -j DNAT --to-destination /);
    const chain = await ipt('-S', 'INPUT', '-v');
    expect(chain.stdout.split('\n')[0]).toBe('-P INPUT ACCEPT -c 0 0');
  });

  it('weights endpoints with the probability the kernel stores', async () => {
    const { lab, ipt } = setup();
    lab.addPod({ name: 'web-2', labels: { app: 'web' }, reply: () => ({ status: 200, headers: {}, body: 'ok\n' }) });
    lab.addPod({ name: 'web-3', labels: { app: 'web' }, reply: () => ({ status: 200, headers: {}, body: 'ok\n' }) });
    lab.syncSlices();
    const r = await ipt('-t', 'nat', '-n', '-L');
    expect(r.stdout).toContain('statistic mode random probability 0.33333333349');
    expect(r.stdout).toContain('statistic mode random probability 0.50000000000');
  });

  it('adds, inserts, lists with line numbers and deletes rules; iptables-save shows the changes', async () => {
    const { lab, ipt } = setup();
    expect((await ipt('-A', 'INPUT', '-s', '10.0.0.1', '-p', 'tcp', '--dport', '22', '-j', 'DROP')).code).toBe(0);
    expect((await ipt('-I', 'INPUT', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT')).code).toBe(0);
    const l = await ipt('-L', 'INPUT', '-n', '--line-numbers');
    const lines = l.stdout.split('\n');
    expect(lines[1]).toBe('num  target     prot opt source               destination         ');
    expect(lines[2]).toBe('1    ACCEPT     all  --  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED');
    expect(lines[lines.length - 2]).toMatch(/^\d+ +DROP       tcp  --  10\.0\.0\.1             0\.0\.0\.0\/0            tcp dpt:22$/);
    const saved = (await lab.run(iptablesSave, ['iptables-save', '-t', 'filter'], 'node01')).stdout;
    expect(saved).toContain('-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n');
    expect(saved).toContain('-A INPUT -s 10.0.0.1/32 -p tcp -m tcp --dport 22 -j DROP\n-A FORWARD ');
    // other machines keep their own tables
    expect((await lab.run(iptablesSave, ['iptables-save', '-t', 'filter'], 'controlplane')).stdout).not.toContain('10.0.0.1');
    expect((await ipt('-D', 'INPUT', '-s', '10.0.0.1', '-p', 'tcp', '--dport', '22', '-j', 'DROP')).code).toBe(0);
    expect((await ipt('-D', 'INPUT', '1')).code).toBe(0);
    expect((await lab.run(iptablesSave, ['iptables-save', '-t', 'filter'], 'node01')).stdout).not.toMatch(/10\.0\.0\.1|RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -m conntrack --ctstate NEW/);
  });

  it('creates, references, renames and deletes user chains, and sets policies', async () => {
    const { ipt } = setup();
    await ipt('-N', 'LOGDROP');
    await ipt('-A', 'LOGDROP', '-j', 'LOG', '--log-prefix', 'drop: ');
    await ipt('-A', 'INPUT', '-p', 'udp', '--dport', '53', '-j', 'LOGDROP');
    expect((await ipt('-L', 'LOGDROP')).stdout).toBe(
      'Chain LOGDROP (1 references)\ntarget     prot opt source               destination         \nLOG        all  --  anywhere             anywhere             LOG level warning prefix "drop: "\n',
    );
    expect((await ipt('-S', 'LOGDROP')).stdout).toBe('-N LOGDROP\n-A LOGDROP -j LOG --log-prefix "drop: "\n');
    const busy = await ipt('-X', 'LOGDROP');
    expect(busy.stderr).toBe('iptables v1.8.7 (nf_tables):  CHAIN_USER_DEL failed (Device or resource busy): chain LOGDROP\n');
    expect(busy.code).toBe(4);
    await ipt('-E', 'LOGDROP', 'AUDIT');
    expect((await ipt('-S', 'INPUT')).stdout).toContain('-A INPUT -p udp -m udp --dport 53 -j AUDIT\n');
    await ipt('-P', 'FORWARD', 'DROP');
    expect((await ipt('-L', 'FORWARD')).stdout.split('\n')[0]).toBe('Chain FORWARD (policy DROP)');
    expect((await ipt('-v', '-F', 'AUDIT')).stdout).toBe("Flushing chain `AUDIT'\n");
  });

  it('answers mistakes with iptables messages and exit codes', async () => {
    const { ipt } = setup();
    const cases: Array<[string[], string, number]> = [
      [['-A', 'NOPE', '-j', 'ACCEPT'], 'iptables: No chain/target/match by that name.\n', 1],
      [['-L', 'NOPE'], 'iptables: No chain/target/match by that name.\n', 1],
      [['-A', 'INPUT', '-j', 'NOPE'], "iptables v1.8.7 (nf_tables): Chain 'NOPE' does not exist\nTry `iptables -h' or 'iptables --help' for more information.\n", 2],
      [['-A', 'INPUT', '--dport', '80', '-j', 'ACCEPT'], 'iptables v1.8.7 (nf_tables): unknown option "--dport"\nTry `iptables -h\' or \'iptables --help\' for more information.\n', 2],
      [['-A', 'INPUT', '-m', 'foobar'], "iptables v1.8.7 (nf_tables): Couldn't load match `foobar':No such file or directory\n\nTry `iptables -h' or 'iptables --help' for more information.\n", 2],
      [['-t', 'foobar', '-L'], "iptables v1.8.7 (nf_tables): table 'foobar' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", 3],
      [['-N', 'INPUT'], 'iptables: Chain already exists.\n', 1],
      [['-I', 'INPUT', '23', '-j', 'ACCEPT'], 'iptables: Index of insertion too big.\n', 1],
      [['-D', 'INPUT', '23'], 'iptables: Index of deletion too big.\n', 1],
      [['-R', 'INPUT', '23', '-j', 'ACCEPT'], 'iptables: Index of replacement too big.\n', 1],
      [['-C', 'FORWARD', '-s', '1.2.3.4', '-j', 'ACCEPT'], 'iptables: Bad rule (does a matching rule exist in that chain?).\n', 1],
      [['-P', 'INPUT', 'REJECT'], "iptables: Bad policy name. Run `dmesg' for more information.\n", 1],
      [['-X', 'INPUT'], "iptables: Can't delete built-in chain. Run `dmesg' for more information.\n", 1],
      [[], "iptables v1.8.7 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", 2],
      [['foo'], "Bad argument `foo'\nTry `iptables -h' or 'iptables --help' for more information.\n", 2],
      [['-L', '-s', '1.2.3.4'], "iptables v1.8.7 (nf_tables): Illegal option `-s' with this command\n\nTry `iptables -h' or 'iptables --help' for more information.\n", 2],
      [['-A', 'INPUT', '-s', '1.2.3.999', '-j', 'DROP'], "iptables v1.8.7 (nf_tables): host/network `1.2.3.999' not found\nTry `iptables -h' or 'iptables --help' for more information.\n", 2],
      [['-A', 'INPUT', '-p', 'foo'], 'iptables v1.8.7 (nf_tables): unknown protocol "foo" specified\nTry `iptables -h\' or \'iptables --help\' for more information.\n', 2],
    ];
    for (const [args, stderr, code] of cases) {
      const r = await ipt(...args);
      expect({ args, stderr: r.stderr, code: r.code }).toEqual({ args, stderr, code });
    }
  });
});
