import type { Process, ProcessInfo } from '../../../host/process.ts';
import { signalNumber } from '../../../host/signals.ts';
import { def } from '../def.ts';
import { parseArgs, UsageError, type OptSpec } from '../lib/args.ts';
import { posixToJs, RegexError } from '../lib/regex.ts';
import { selectProcesses, processName, type Criteria } from './match.ts';
import { PGREP_USAGE, PKILL_USAGE } from './usage.ts';

type Tool = 'pgrep' | 'pkill';

/** Options with an argument, by short letter, and the long names of every option (procps-ng 4.0). */
const WITH_ARG: Record<string, string> = { d: 'delimiter', g: 'pgroup', G: 'group', O: 'older', P: 'parent', s: 'session', t: 'terminal', u: 'euid', U: 'uid', F: 'pidfile', r: 'runstates', q: 'queue' };
const FLAGS: Record<string, string> = { l: 'list-name', a: 'list-full', v: 'inverse', w: 'lightweight', c: 'count', f: 'full', i: 'ignore-case', n: 'newest', o: 'oldest', x: 'exact', L: 'logpidfile', A: 'ignore-ancestors', e: 'echo', h: 'help', V: 'version' };
/** ONLY are the letters one of the two tools has and the other lacks. */
const ONLY: Record<Tool, string> = { pgrep: 'dlavw', pkill: 'qe' };

/** optSpec is each tool's getopt_long table (pkill's --signal stored under "signal"). */
function optSpec(tool: Tool): OptSpec {
  const own = (letter: string) => !'dlavwqe'.includes(letter) || ONLY[tool].includes(letter);
  const withArg = Object.keys(WITH_ARG).filter(own);
  const flags = Object.keys(FLAGS).filter(own);
  const long: Record<string, string> = {};
  for (const k of withArg) long[`${WITH_ARG[k]}=`] = k;
  for (const k of flags) long[FLAGS[k]!] = k;
  if (tool === 'pkill') long['signal='] = 'signal';
  return { flags: flags.join(''), withArg: withArg.join(''), long };
}

interface Parsed { opts: Map<string, string>; patterns: string[]; signal?: string }

function parse(tool: Tool, argv: string[]): Parsed {
  // pkill -9, -KILL, -SIGTERM: the first argument naming a signal is the signal, not options
  let signal: string | undefined;
  const at = tool === 'pkill' ? argv.findIndex((a) => a.startsWith('-') && !a.startsWith('--') && signalNumber(a.slice(1)) !== undefined) : -1;
  const rest = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (at >= 0) signal = argv[at]!.slice(1);
  const parsed = parseArgs(rest, optSpec(tool));
  const opts = new Map([...parsed.opts].map(([k, v]) => [k, v[v.length - 1]!] as [string, string]));
  return { opts, patterns: parsed.args, signal: opts.get('signal') ?? signal };
}

/** uidsOf reads -u/-U: user names (from /etc/passwd) or numbers. */
function uidsOf(p: Process, list: string, tool: Tool): Set<number> {
  let passwd = '';
  try {
    passwd = p.fs.readFile('/etc/passwd');
  } catch {
    // no passwd file: only numbers resolve
  }
  const uids = new Set<number>();
  for (const name of list.split(',')) {
    if (/^\d+$/.test(name)) uids.add(Number(name));
    else {
      const line = passwd.split('\n').find((l) => l.split(':')[0] === name);
      if (!line) throw new CriteriaFailure(`${tool}: invalid user name: ${name}\n`);
      uids.add(Number(line.split(':')[2]));
    }
  }
  return uids;
}

class CriteriaFailure extends Error {}

function criteria(p: Process, tool: Tool, parsed: Parsed): Criteria {
  const { opts, patterns } = parsed;
  const pattern = patterns[0];
  let re: RegExp | undefined;
  if (pattern !== undefined) {
    // an extended regular expression (regcomp with REG_EXTENDED), anchored whole by -x
    try {
      const source = posixToJs(pattern, true);
      re = new RegExp(opts.has('x') ? `^(?:${source})$` : source, opts.has('i') ? 'i' : '');
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      throw new CriteriaFailure(`${tool}: regex error: ${e.message}\n`);
    }
  }
  const u = opts.get('u') ?? opts.get('U');
  const list = (v: string | undefined) => (v === undefined ? undefined : new Set(v.split(',')));
  return {
    pattern: re,
    full: opts.has('f'),
    inverse: opts.has('v'),
    newest: opts.has('n'),
    oldest: opts.has('o'),
    uids: u === undefined ? undefined : uidsOf(p, u, tool),
    parents: opts.has('P') ? new Set([...list(opts.get('P'))!].map(Number)) : undefined,
    terminals: list(opts.get('t')),
  };
}

/** others are the host's processes without the one running this command. */
function others(p: Process): ProcessInfo[] {
  const list = p.sys.processes?.() ?? [];
  const self = [...list].reverse().find((x) => x.command === p.argv.join(' '));
  return list.filter((x) => x !== self);
}

function run(tool: Tool, p: Process): number {
  let parsed: Parsed;
  try {
    parsed = parse(tool, p.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    p.stderr.write(`${tool}: ${e.message}\n${tool === 'pgrep' ? PGREP_USAGE : PKILL_USAGE}`);
    return 2;
  }
  const { opts, patterns } = parsed;
  if (opts.has('h')) {
    p.stdout.write(tool === 'pgrep' ? PGREP_USAGE : PKILL_USAGE);
    return 0;
  }
  if (opts.has('V')) {
    p.stdout.write(`${tool} from procps-ng 4.0.4\n`);
    return 0;
  }
  const hint = `Try \`${tool} --help' for more information.\n`;
  if (patterns.length > 1) return fail(p, `${tool}: only one pattern can be provided\n${hint}`);
  const selecting = ['u', 'U', 'P', 't', 'g', 'G', 's', 'F', 'r', 'O'].some((k) => opts.has(k));
  if (patterns.length === 0 && !selecting) return fail(p, `${tool}: no matching criteria specified\n${hint}`);
  if (patterns[0] !== undefined && !opts.has('f') && patterns[0].length > 15 && /^[\w.-]+$/.test(patterns[0])) {
    p.stderr.write(`${tool}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${tool} -f' option to match against the complete command line.\n`);
    return 1;
  }
  let c: Criteria;
  try {
    c = criteria(p, tool, parsed);
  } catch (e) {
    if (!(e instanceof CriteriaFailure)) throw e;
    p.stderr.write(e.message);
    return 2;
  }
  const found = selectProcesses(others(p), c);
  if (opts.has('c')) {
    p.stdout.write(`${found.length}\n`);
    return found.length ? 0 : 1;
  }
  return tool === 'pgrep' ? list(p, opts, found) : signal(p, opts, parsed.signal, found);
}

function fail(p: Process, text: string): number {
  p.stderr.write(text);
  return 2;
}

function list(p: Process, opts: Map<string, string>, found: ProcessInfo[]): number {
  const show = (x: ProcessInfo) => (opts.has('a') ? `${x.pid} ${x.command}` : opts.has('l') ? `${x.pid} ${processName(x.command)}` : String(x.pid));
  if (found.length) p.stdout.write(found.map(show).join(opts.get('d') ?? '\n') + '\n');
  return found.length ? 0 : 1;
}

function signal(p: Process, opts: Map<string, string>, given: string | undefined, found: ProcessInfo[]): number {
  const sig = given === undefined ? 15 : signalNumber(given);
  let killed = 0;
  for (const x of found) {
    const refused = sig === undefined ? 'Invalid argument' : p.user.uid !== 0 && x.uid !== p.user.uid ? 'Operation not permitted' : undefined;
    if (refused) {
      p.stderr.write(`pkill: killing pid ${x.pid} failed: ${refused}\n`);
      continue;
    }
    if (sig !== 0) p.sys.signalProcess?.(x.pid, sig!);
    killed++;
    if (opts.has('e')) p.stdout.write(`${processName(x.command)} killed (pid ${x.pid})\n`);
  }
  return killed ? 0 : 1;
}

/** pgrep lists the processes whose name (or, with -f, command line) matches a pattern. */
export const pgrep = def('pgrep', async (p) => run('pgrep', p), 'pgrep - look up processes based on name and other attributes\n\nSYNOPSIS\n       pgrep [options] pattern\n');

/** pkill signals them (SIGTERM unless -SIGNAL or --signal). */
export const pkill = def('pkill', async (p) => run('pkill', p), 'pkill - signal processes based on name and other attributes\n\nSYNOPSIS\n       pkill [options] pattern\n');

/** pidof prints the pids of the named programs, newest first (-s: one only). */
export const pidof = def(
  'pidof',
  async (p) => {
    const args = p.argv.slice(1);
    const single = args.includes('-s');
    const names = args.filter((a) => !a.startsWith('-'));
    const pids = others(p)
      .filter((x) => names.some((n) => processName(x.command) === n.slice(0, 15) || (x.command.split(' ')[0] ?? '').split('/').pop() === n))
      .map((x) => x.pid)
      .sort((a, b) => b - a);
    const shown = single ? pids.slice(0, 1) : pids;
    if (shown.length) p.stdout.write(shown.join(' ') + '\n');
    return shown.length ? 0 : 1;
  },
  'pidof - find the process ID of a running program.\n\nSYNOPSIS\n       pidof [-s] program...\n',
  '/usr/bin',
);
