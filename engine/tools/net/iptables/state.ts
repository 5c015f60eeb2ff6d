import type { Process } from '../../../host/process.ts';
import { iptablesSave as kubeProxyRules } from '../../../network/kube-proxy/iptables.ts';
import { proxyOn } from '../../../network/kube-proxy/registry.ts';
import { parseCommand } from './parse.ts';
import { Ruleset } from './ruleset.ts';

/**
 * A host's netfilter tables: what kube-proxy on that machine has programmed,
 * with the changes root made by hand replayed on top. The hand-made changes
 * live with the running machine (keyed by network and host name), not in
 * its files: like real rules they are gone after a reboot, and kube-proxy's
 * own chains come back as it resyncs them.
 */

const journals = new WeakMap<object, Map<string, string[][]>>();

function journal(p: Process): string[][] {
  let m = journals.get(p.sys.net);
  if (!m) journals.set(p.sys.net, (m = new Map()));
  let j = m.get(p.hostname);
  if (!j) m.set(p.hostname, (j = []));
  return j;
}

/** rulesetOf builds the tables the host has now. */
export function rulesetOf(p: Process): Ruleset {
  const rs = new Ruleset();
  const view = proxyOn(p.sys.net, p.hostname);
  if (view) rs.load(kubeProxyRules(view, p.sys.runtime.now));
  for (const argv of journal(p)) {
    try {
      rs.apply(parseCommand(argv));
    } catch {
      // a change that no longer applies (kube-proxy removed its chain) is skipped, as a resync would
    }
  }
  return rs;
}

/** recordChange remembers a successful change (iptables argv without argv[0]). */
export function recordChange(p: Process, argv: string[]): void {
  journal(p).push(argv);
}
