/**
 * The rule model iptables, iptables-save and kube-proxy's rules share: what
 * the kernel keeps per rule, reduced to what the tools print.
 */

/** Opt is one extension option as given: `! --dport 80` is { flag: '--dport', args: ['80'], inv: true }. */
export interface Opt {
  flag: string;
  args: string[];
  inv: boolean;
}

/** Match is one `-m name` (or the implicit match `-p tcp` loads) with its options. */
export interface Match {
  name: string;
  opts: Opt[];
}

/** Target is what `-j`/`-g` names: a standard verdict, an extension (DNAT, MARK…) or a user chain. */
export interface Target {
  name: string;
  opts: Opt[];
  goto: boolean;
}

/** Addr is a source or destination: network address and prefix length, already masked. */
export interface Addr {
  ip: string;
  len: number;
  inv: boolean;
}

/** Rule is one rule of a chain. */
export interface Rule {
  src?: Addr;
  dst?: Addr;
  inIface?: { name: string; inv: boolean };
  outIface?: { name: string; inv: boolean };
  /** protocol name as iptables canonicalises it (tcp, udp, icmp…); absent means all */
  proto?: { name: string; inv: boolean };
  frag?: { inv: boolean };
  matches: Match[];
  target?: Target;
}

/** Chain is a built-in chain (with a policy) or a user-defined one. */
export interface Chain {
  name: string;
  policy?: string;
  rules: Rule[];
}

/** Table is one of filter, nat, mangle, raw, security: built-in chains first, then user chains sorted by name. */
export interface Table {
  name: string;
  chains: Chain[];
}

/**
 * IptError is a failure with iptables' text and exit status. Its style says
 * how iptables prints it: 'error' as xtables_error ("iptables v1.8.7
 * (nf_tables): text", then the hint its status calls for), 'main' as the
 * failed-command line of xtables_main ("iptables: text."), 'bare' as is
 * (then the --help hint).
 */
export class IptError extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
    readonly style: 'error' | 'main' | 'bare' = 'error',
  ) {
    super(text);
  }
}

/** Exit statuses of xtables (enum xtables_exittype). */
export const OTHER_PROBLEM = 1;
export const PARAMETER_PROBLEM = 2;
export const VERSION_PROBLEM = 3;
export const RESOURCE_PROBLEM = 4;
