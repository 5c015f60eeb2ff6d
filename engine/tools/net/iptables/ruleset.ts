import { extSave, MATCHES, STANDARD_TARGETS, TARGETS } from './extensions.ts';
import { parseCommand, TABLES, type Command } from './parse.ts';
import { IptError, OTHER_PROBLEM, PARAMETER_PROBLEM, RESOURCE_PROBLEM, type Addr, type Chain, type Rule, type Table } from './types.ts';

/**
 * A host's tables as iptables-nft sees them: the tables that exist (a table
 * comes into being with its first rule or chain), each with its built-in
 * chains first and user chains kept sorted by name (nft-cache.c inserts
 * them so), and the commands that change them with the errors nft.c
 * reports.
 */

const main = (msg: string) => new IptError(msg, OTHER_PROBLEM, 'main');
const NO_CHAIN = 'No chain/target/match by that name';

/** newTable is a table with its built-in chains, policy ACCEPT. */
export function newTable(name: string): Table {
  return { name, chains: TABLES[name]!.map((c) => ({ name: c, policy: 'ACCEPT', rules: [] })) };
}

/** isBuiltin tells whether a chain is one of its table's hooks. */
export function isBuiltin(table: string, chain: string): boolean {
  return TABLES[table]!.includes(chain);
}

function addrSave(letter: string, a: Addr | undefined): string {
  return a ? `${a.inv ? '! ' : ''}-${letter} ${a.ip}/${a.len} ` : '';
}

/** ruleSpec is a rule as iptables-save prints it after "-A CHAIN " (nft_ipv4_save_rule order). */
export function ruleSpec(r: Rule, counters = false): string {
  let out = addrSave('s', r.src) + addrSave('d', r.dst);
  if (r.inIface) out += `${r.inIface.inv ? '! ' : ''}-i ${r.inIface.name} `;
  if (r.outIface) out += `${r.outIface.inv ? '! ' : ''}-o ${r.outIface.name} `;
  if (r.proto) out += `${r.proto.inv ? '! ' : ''}-p ${r.proto.name} `;
  if (r.frag) out += `${r.frag.inv ? '! ' : ''}-f `;
  for (const m of r.matches) out += `-m ${m.name}${extSave(MATCHES[m.name], m.opts)} `;
  if (counters) out += '-c 0 0 ';
  if (r.target) out += `-${r.target.goto ? 'g' : 'j'} ${r.target.name}${r.target.opts.length || TARGETS[r.target.name] ? extSave(TARGETS[r.target.name], r.target.opts) : ''}`;
  return out.trimEnd();
}

/** tokenize splits a saved rule line as iptables-restore does (double quotes group, backslash escapes). */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      any = true;
    } else if (ch === '"') {
      quoted = !quoted;
      any = true;
    } else if (/\s/.test(ch) && !quoted) {
      if (any) out.push(cur);
      cur = '';
      any = false;
    } else {
      cur += ch;
      any = true;
    }
  }
  if (any) out.push(cur);
  return out;
}

/** Ruleset is the tables of one host. */
export class Ruleset {
  readonly tables = new Map<string, Table>();

  /** view is a table as listing shows it: built-in chains even before the table exists. */
  view(name: string): Table {
    return this.tables.get(name) ?? newTable(name);
  }

  private ensure(name: string): Table {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = newTable(name)));
    return t;
  }

  /** refs counts the rules that jump or go to a chain (the "(N references)" of -L). */
  refs(table: Table, chain: string): number {
    let n = 0;
    for (const c of table.chains) for (const r of c.rules) if (r.target?.name === chain) n++;
    return n;
  }

  private chain(table: string, name: string, create: boolean): Chain {
    const t = create ? this.ensure(table) : this.view(table);
    const c = t.chains.find((x) => x.name === name);
    if (!c) throw main(NO_CHAIN);
    return c;
  }

  private addChain(t: Table, name: string): void {
    const builtins = TABLES[t.name]!.length;
    const users = t.chains.slice(builtins);
    let at = users.findIndex((c) => c.name > name);
    if (at < 0) at = users.length;
    t.chains.splice(builtins + at, 0, { name, rules: [] });
  }

  /** assertJump checks a rule's jump target exists in the table (nft's assert_chain_exists). */
  private assertJump(table: string, r: Rule): void {
    const name = r.target?.name;
    if (!name || STANDARD_TARGETS.includes(name) || TARGETS[name]) return;
    if (!this.view(table).chains.some((c) => c.name === name)) throw new IptError(`Chain '${name}' does not exist`, PARAMETER_PROBLEM);
  }

  /** apply runs a command that changes the tables; it returns what -v prints. */
  apply(c: Command): string {
    const table = c.table;
    const spec = (r: Rule) => ruleSpec(r);
    switch (c.cmd) {
      case 'A': case 'I': case 'R': case 'C': case 'D': {
        const byNumber = c.cmd === 'D' && c.rulenum !== undefined;
        if (!byNumber) this.assertJump(table, c.rule);
        const chain = this.chain(table, c.chain!, c.cmd !== 'C');
        const n = chain.rules.length;
        if (c.cmd === 'A') chain.rules.push(c.rule);
        else if (c.cmd === 'I') {
          if (c.rulenum! > n + 1) throw main('Index of insertion too big');
          chain.rules.splice(c.rulenum! - 1, 0, c.rule);
        } else if (c.cmd === 'R') {
          if (c.rulenum! > n) throw main('Index of replacement too big');
          chain.rules[c.rulenum! - 1] = c.rule;
        } else if (byNumber) {
          if (c.rulenum! > n) throw main('Index of deletion too big');
          chain.rules.splice(c.rulenum! - 1, 1);
        } else {
          const at = chain.rules.findIndex((r) => spec(r) === spec(c.rule));
          if (at < 0) throw main('Bad rule (does a matching rule exist in that chain?)');
          if (c.cmd === 'D') chain.rules.splice(at, 1);
        }
        return '';
      }
      case 'F': case 'Z': {
        const chains = c.chain !== undefined ? [this.chain(table, c.chain, c.cmd === 'F')] : this.view(table).chains;
        if (c.cmd === 'F') {
          if (c.chain === undefined && this.tables.has(table)) for (const ch of chains) ch.rules = [];
          else if (c.chain !== undefined) chains[0]!.rules = [];
        }
        return c.verbose ? chains.map((ch) => `${c.cmd === 'F' ? 'Flushing' : 'Zeroing'} chain \`${ch.name}'\n`).join('') : '';
      }
      case 'N': {
        const t = this.ensure(table);
        if (t.chains.some((x) => x.name === c.chain)) throw main('Chain already exists');
        this.addChain(t, c.chain!);
        return '';
      }
      case 'X': {
        const t = this.view(table);
        const victims = c.chain !== undefined ? [this.chain(table, c.chain, false)] : t.chains.filter((x) => !isBuiltin(table, x.name));
        if (c.chain !== undefined && isBuiltin(table, c.chain)) throw main("Can't delete built-in chain. Run `dmesg' for more information");
        const names = new Set(victims.map((v) => v.name));
        for (const v of victims) {
          const users = t.chains.filter((x) => !names.has(x.name) || c.chain !== undefined).some((x) => x.rules.some((r) => r.target?.name === v.name));
          if (users) throw new IptError(` CHAIN_USER_DEL failed (Device or resource busy): chain ${v.name}`, RESOURCE_PROBLEM);
        }
        if (this.tables.has(table)) t.chains = t.chains.filter((x) => !names.has(x.name));
        return c.verbose ? victims.map((v) => `Deleting chain \`${v.name}'\n`).join('') : '';
      }
      case 'E': {
        const t = this.view(table);
        const from = this.chain(table, c.chain!, false);
        if (t.chains.some((x) => x.name === c.newname)) throw main('File exists');
        if (isBuiltin(table, from.name)) throw main(NO_CHAIN);
        t.chains = t.chains.filter((x) => x !== from);
        this.addChain(t, c.newname!);
        t.chains.find((x) => x.name === c.newname)!.rules = from.rules;
        for (const ch of t.chains) for (const r of ch.rules) if (r.target?.name === from.name) r.target.name = c.newname!;
        return '';
      }
      case 'P': {
        if (c.policy !== 'ACCEPT' && c.policy !== 'DROP') throw main("Bad policy name. Run `dmesg' for more information");
        if (!isBuiltin(table, c.chain!)) throw main('Bad built-in chain name');
        this.chain(table, c.chain!, true).policy = c.policy;
        return '';
      }
      default:
        return '';
    }
  }

  /** load reads iptables-save text (what kube-proxy hands iptables-restore) into the tables. */
  load(text: string): void {
    let table = 'filter';
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line === 'COMMIT') continue;
      if (line.startsWith('*')) {
        table = line.slice(1);
        this.ensure(table);
      } else if (line.startsWith(':')) {
        const [name, policy] = line.slice(1).split(/\s+/);
        const t = this.ensure(table);
        const have = t.chains.find((c) => c.name === name);
        if (have) {
          if (policy && policy !== '-') have.policy = policy;
        } else this.addChain(t, name!);
      } else if (line.startsWith('-A ')) {
        try {
          const c = parseCommand(['-t', table, ...tokenize(line)]);
          this.chain(table, c.chain!, true).rules.push(c.rule);
        } catch {
          // a line the lab's parser cannot read is left out rather than breaking the listing
        }
      }
    }
  }

  /** save prints tables as iptables-save does (v1.8.7, nf_tables): only tables that exist. */
  save(stamp: string, only?: string, counters = false): string {
    let out = '';
    // nft's table order (enum nft_table_type): mangle, security, raw, filter, nat
    for (const name of ['mangle', 'security', 'raw', 'filter', 'nat']) {
      const t = this.tables.get(name);
      if (!t || (only && only !== name)) continue;
      out += `# Generated by iptables-save v1.8.7 on ${stamp}\n*${name}\n`;
      for (const c of t.chains) out += `:${c.name} ${c.policy ?? '-'} [0:0]\n`;
      for (const c of t.chains) for (const r of c.rules) out += `${counters ? '[0:0] ' : ''}-A ${c.name} ${ruleSpec(r)}\n`;
      out += `COMMIT\n# Completed on ${stamp}\n`;
    }
    return out;
  }
}
