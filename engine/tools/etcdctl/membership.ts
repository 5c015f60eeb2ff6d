import { MembershipError, type RaftGroup } from '../../controlplane/etcd/group.ts';
import { unaryWarning } from './connect.ts';
import { EXIT, type Ctx } from './context.ts';
import type { FlagSpec } from './flags.ts';

/**
 * `etcdctl member add|remove|promote`: membership changes go through the
 * reached member's raft group, with etcdserver's refusals. The simple output
 * is etcdctl's (IDs as %16x, the environment a new member starts with).
 */

export const MEMBER_ADD_FLAGS: Record<string, FlagSpec> = { 'peer-urls': { kind: 'string', def: '' }, learner: { kind: 'bool', def: 'false' } };

const hex16 = (id: string) => id.padStart(16, ' ');

/** parseMemberId reads a hex member ID argument, or answers etcdctl's error. */
function parseMemberId(c: Ctx): string | number {
  const arg = c.flags.args[0];
  if (c.flags.args.length !== 1 || arg === undefined) return c.fail(EXIT.badArgs, 'member ID is not provided');
  if (!/^[0-9a-fA-F]{1,16}$/.test(arg)) return c.fail(EXIT.badArgs, `bad member ID arg (strconv.ParseUint: parsing "${arg}": ${/^[0-9a-fA-F]+$/.test(arg) ? 'value out of range' : 'invalid syntax'}), expecting ID in Hex`);
  return BigInt(`0x${arg}`).toString(16);
}

/** memberAdd is `etcdctl member add <name> --peer-urls=…`. */
export async function memberAdd(c: Ctx): Promise<number> {
  const name = c.flags.args[0];
  if (!name) return c.fail(EXIT.badArgs, 'member name not provided');
  if (c.flags.args.length > 1) return c.fail(EXIT.badArgs, 'too many arguments' + c.flags.args.filter((a) => a.toLowerCase().startsWith('http')).map((a) => `, did you mean --peer-urls=${a}`).join(''));
  const urls = c.str('peer-urls').split(',').filter((u) => u !== '');
  if (urls.length === 0) return c.fail(EXIT.badArgs, 'member peer urls not provided');
  for (const u of urls) {
    if (!/^(https?|unixs?):\/\//.test(u)) return c.fail(EXIT.error, `URL scheme must be http, https, unix, or unixs: ${u}`);
    if (!/^[a-z]+:\/\/[^/]+:\d+\/?$/.test(u)) return c.fail(EXIT.error, `URL address does not have the form "host:port": ${u}`);
  }
  const conn = await c.connect({ anyMember: true });
  if ('code' in conn) return conn.code;
  const g = conn.service.group;
  let added;
  try {
    added = g.add(urls, c.bool('learner'));
  } catch (e) {
    if (e instanceof MembershipError) return refused(c, e);
    throw e;
  }
  if (c.writeOut === 'json') {
    c.out(`{"header":{"cluster_id":${BigInt(`0x${g.clusterId}`)},"member_id":${BigInt(`0x${conn.service.self.id}`)},"raft_term":${g.term}},"member":{"ID":${BigInt(`0x${added.id}`)},"peerURLs":${JSON.stringify(urls)}${added.isLearner ? ',"isLearner":true' : ''}},"members":[${g.sortedMembers().map((m) => `{"ID":${BigInt(`0x${m.id}`)},${m.name ? `"name":${JSON.stringify(m.name)},` : ''}"peerURLs":${JSON.stringify(m.peerUrls)}${m.clientUrls.length ? `,"clientURLs":${JSON.stringify(m.clientUrls)}` : ''}${m.isLearner ? ',"isLearner":true' : ''}}`).join(',')}]}\n`);
    return EXIT.ok;
  }
  c.out(`Member ${hex16(added.id)} added${added.isLearner ? ' as learner ' : ' '}to cluster ${hex16(g.clusterId)}\n`);
  const conf = g.sortedMembers().flatMap((m) => m.peerUrls.map((u) => `${m.id === added.id ? name : m.name}=${u}`));
  c.out(`\nETCD_NAME=${JSON.stringify(name)}\nETCD_INITIAL_CLUSTER=${JSON.stringify(conf.join(','))}\nETCD_INITIAL_ADVERTISE_PEER_URLS=${JSON.stringify(urls.join(','))}\nETCD_INITIAL_CLUSTER_STATE="existing"\n`);
  return EXIT.ok;
}

/** memberRemove is `etcdctl member remove <hex id>` (answered by any member, as the leader forwards it). */
export function memberRemove(c: Ctx): Promise<number> {
  return changeMember(c, { anyMember: true }, (g, id) => g.remove(id), 'removed from');
}

/** memberPromote is `etcdctl member promote <hex id>`. */
export function memberPromote(c: Ctx): Promise<number> {
  return changeMember(c, {}, (g, id) => g.promote(id), 'promoted in');
}

/** changeMember applies a change to the member named by the ID argument and prints etcdctl's line for it. */
async function changeMember(c: Ctx, reach: { anyMember?: boolean }, change: (g: RaftGroup, id: string) => void, done: string): Promise<number> {
  const id = parseMemberId(c);
  if (typeof id === 'number') return id;
  const conn = await c.connect(reach);
  if ('code' in conn) return conn.code;
  try {
    change(conn.service.group, id);
  } catch (e) {
    if (e instanceof MembershipError) return refused(c, e);
    throw e;
  }
  c.out(`Member ${hex16(id)} ${done} cluster ${hex16(conn.service.group.clusterId)}\n`);
  return EXIT.ok;
}

/** refused prints the client's retry warning and etcdserver's error, as etcdctl does for a refused change. */
function refused(c: Ctx, e: MembershipError): number {
  const unavailable = e.message === 'etcdserver: unhealthy cluster';
  c.err(unaryWarning(c.p, c.config().endpoints, `rpc error: code = ${unavailable ? 'Unavailable' : 'Unknown'} desc = ${e.message}`));
  return c.fail(EXIT.error, e.message);
}
