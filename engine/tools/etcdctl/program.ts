import type { Process } from '../../host/process.ts';
import { endpointHealth, endpointStatus, ETCDCTL_VERSION, memberList, version } from './cluster.ts';
import { Ctx, EXIT, GLOBAL_FLAGS } from './context.ts';
import { parseFlags, type FlagSpec } from './flags.ts';
import { DEL_FLAGS, del, get, GET_FLAGS, put, PUT_FLAGS } from './kv.ts';
import { MEMBER_ADD_FLAGS, memberAdd, memberPromote, memberRemove } from './membership.ts';
import { RESTORE_FLAGS, snapshotRestore, snapshotSave, snapshotStatusCmd } from './snapshot.ts';

/** A leaf command: its path, local flags and what it runs. */
interface Command {
  path: string[];
  flags: Record<string, FlagSpec>;
  run(c: Ctx): number | Promise<number>;
}

const CLUSTER_FLAG: Record<string, FlagSpec> = { cluster: { kind: 'bool', def: 'false' } };

const ETCDCTL_COMMANDS: Command[] = [
  { path: ['get'], flags: GET_FLAGS, run: get },
  { path: ['put'], flags: PUT_FLAGS, run: put },
  { path: ['del'], flags: DEL_FLAGS, run: del },
  { path: ['member', 'list'], flags: { hex: { kind: 'bool', def: 'false' } }, run: memberList },
  { path: ['member', 'add'], flags: MEMBER_ADD_FLAGS, run: memberAdd },
  { path: ['member', 'remove'], flags: {}, run: memberRemove },
  { path: ['member', 'promote'], flags: {}, run: memberPromote },
  { path: ['endpoint', 'health'], flags: CLUSTER_FLAG, run: endpointHealth },
  { path: ['endpoint', 'status'], flags: CLUSTER_FLAG, run: endpointStatus },
  { path: ['snapshot', 'save'], flags: {}, run: snapshotSave },
  { path: ['snapshot', 'status'], flags: {}, run: (c) => snapshotStatusCmd(c, true) },
  { path: ['snapshot', 'restore'], flags: RESTORE_FLAGS, run: (c) => snapshotRestore(c, true) },
  { path: ['version'], flags: {}, run: version },
];

const ETCDUTL_COMMANDS: Command[] = [
  { path: ['snapshot', 'status'], flags: {}, run: (c) => snapshotStatusCmd(c, false) },
  { path: ['snapshot', 'restore'], flags: RESTORE_FLAGS, run: (c) => snapshotRestore(c, false) },
  {
    path: ['version'],
    flags: {},
    run: (c) => {
      c.out(`etcdutl version: ${ETCDCTL_VERSION}\nAPI version: 3.5\n`);
      return EXIT.ok;
    },
  },
];

const ETCDUTL_GLOBALS: Record<string, FlagSpec> = {
  'write-out': { kind: 'string', def: 'simple', short: 'w' },
  'data-dir': { kind: 'string', def: '' },
  help: { kind: 'bool', def: 'false', short: 'h' },
};

/** runEtcdctl is the etcdctl binary (API v3). */
export function runEtcdctl(p: Process): Promise<number> {
  return dispatch(p, 'etcdctl', GLOBAL_FLAGS, ETCDCTL_COMMANDS, true);
}

/** runEtcdutl is the etcdutl binary (offline snapshot tools). */
export function runEtcdutl(p: Process): Promise<number> {
  return dispatch(p, 'etcdutl', ETCDUTL_GLOBALS, ETCDUTL_COMMANDS, false);
}

async function dispatch(p: Process, tool: string, globals: Record<string, FlagSpec>, commands: Command[], readEnv: boolean): Promise<number> {
  const all: Record<string, FlagSpec> = { ...globals };
  for (const c of commands) Object.assign(all, c.flags);
  const parsed = parseFlags(p.argv.slice(1), all);
  const words = 'error' in parsed ? p.argv.slice(1).filter((a) => !a.startsWith('-')) : parsed.args;
  const groups = new Set(commands.filter((c) => c.path.length > 1).map((c) => c.path[0]!));
  const cmd = commands.find((c) => c.path.every((w, i) => words[i] === w));
  if ('error' in parsed) {
    p.stderr.write(`Error: ${parsed.error}\n\nError: ${parsed.error}\n`);
    return EXIT.error;
  }
  if (!cmd) {
    if (words.length === 0 || (groups.has(words[0]!) && words.length === 1)) {
      p.stdout.write(usage(tool, commands, words[0]));
      return EXIT.ok;
    }
    const bad = groups.has(words[0]!) ? words[1]! : words[0]!;
    const where = groups.has(words[0]!) ? `${tool} ${words[0]}` : tool;
    p.stderr.write(`Error: unknown command "${bad}" for "${where}"\nRun '${where} --help' for usage.\nError: unknown command "${bad}" for "${where}"\n`);
    return EXIT.error;
  }
  for (const f of parsed.set) {
    if (!(f in globals) && !(f in cmd.flags)) {
      p.stderr.write(`Error: unknown flag: --${f}\n\nError: unknown flag: --${f}\n`);
      return EXIT.error;
    }
  }
  if (readEnv) {
    for (const name of Object.keys(globals)) {
      const v = p.env[`ETCDCTL_${name.toUpperCase().replace(/-/g, '_')}`];
      if (v !== undefined && !parsed.set.has(name)) parsed.values.set(name, v);
    }
  }
  parsed.args = parsed.args.slice(cmd.path.length);
  return cmd.run(new Ctx(p, parsed));
}

function usage(tool: string, commands: Command[], group?: string): string {
  const list = commands.filter((c) => !group || c.path[0] === group).map((c) => `\t${c.path.join(' ')}`);
  return `NAME:\n\t${tool} - A simple command line client for etcd3.\n\nUSAGE:\n\t${tool} [flags]\n\nVERSION:\n\t${ETCDCTL_VERSION}\n\nAPI VERSION:\n\t3.5\n\n\nCOMMANDS:\n${list.join('\n')}\n`;
}
