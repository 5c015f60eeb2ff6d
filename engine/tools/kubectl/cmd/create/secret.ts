import { btoaUtf8 } from '../../../../base/base64.ts';
import type { CommandDef, RunContext } from '../../cli/command.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { enforcedNamespace, make, nameArg, objectMeta } from './meta.ts';
import { configMapKeyErrors, parseLiteral, readEnvFile, readFileSources, secretHash, sortedRecord, type KeyValue } from './sources.ts';

/** secretData gathers the generic sources into base64 data, with the secret key checks. */
function secretData(c: RunContext, envFiles: boolean): Record<string, string> {
  const files = c.flag<string[]>('from-file');
  const literals = envFiles ? c.flag<string[]>('from-literal') : [];
  const envs = envFiles ? c.flag<string[]>('from-env-file') : [];
  if (envs.length && (files.length || literals.length)) throw new WrappedError('from-env-file cannot be combined with from-file or from-literal');
  const data: Record<string, string> = {};
  const add = ({ key, value }: KeyValue) => {
    const errs = configMapKeyErrors(key);
    if (errs.length) throw new WrappedError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new WrappedError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = btoaUtf8(value);
  };
  readFileSources(c.f, files).forEach(add);
  literals.map(parseLiteral).forEach(add);
  for (const e of envs) readEnvFile(c.f, e, 'secret').forEach(add);
  return sortedRecord(data);
}

function finish(c: RunContext, name: string, type: string, data: Record<string, string>): number {
  if (c.flag<boolean>('append-hash')) name = `${name}-${secretHash(name, type, data)}`;
  const rest: Record<string, unknown> = { metadata: objectMeta(name, enforcedNamespace(c)) };
  if (Object.keys(data).length) rest.data = data;
  if (type) rest.type = type;
  return submitCreate(c, c.f.discovery().resolve('secrets'), make('v1', 'Secret', rest), 'failed to create secret ');
}

async function runGeneric(c: RunContext): Promise<number> {
  const name = nameArg(c);
  return finish(c, name, c.flag<string>('type'), secretData(c, true));
}

/** dockerConfigJson is the .dockerconfigjson content kubectl builds from the --docker-* flags. */
export function dockerConfigJson(user: string, pass: string, email: string, server: string): string {
  const entry: Record<string, string> = { username: user, password: pass };
  if (email) entry.email = email;
  entry.auth = btoaUtf8(`${user}:${pass}`);
  return JSON.stringify({ auths: { [server]: entry } });
}

async function runDocker(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const files = c.flag<string[]>('from-file');
  const user = c.flag<string>('docker-username');
  const pass = c.flag<string>('docker-password');
  const server = c.flag<string>('docker-server');
  if (files.length === 0 && (!user || !pass || !server)) throw new WrappedError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  const data = files.length ? secretData(c, false) : { '.dockerconfigjson': btoaUtf8(dockerConfigJson(user, pass, c.flag<string>('docker-email'), server)) };
  return finish(c, name, 'kubernetes.io/dockerconfigjson', data);
}

async function runTls(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const cert = c.flag<string>('cert');
  const key = c.flag<string>('key');
  if (!cert || !key) throw new WrappedError('key and cert must be specified');
  const read = (p: string) => {
    const abs = c.f.abs(p);
    if (!c.f.proc.fs.exists(abs)) throw new WrappedError(`Cannot read file ${p}, open ${p}: no such file or directory`);
    return c.f.proc.fs.readFile(abs);
  };
  const certPem = read(cert);
  const keyPem = read(key);
  if (!certPem.includes('-----BEGIN CERTIFICATE-----')) throw new WrappedError('tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyPem)) throw new WrappedError('tls: failed to find any PEM data in key input');
  return finish(c, name, 'kubernetes.io/tls', { 'tls.crt': btoaUtf8(certPem), 'tls.key': btoaUtf8(keyPem) });
}

const tweaks = { 'from-file': { type: 'stringSlice' as const }, 'from-literal': { type: 'stringArray' as const }, 'from-env-file': { type: 'stringSlice' as const } };

/** createSecretCommand is `kubectl create secret` with generic, tls and docker-registry. */
export const createSecretCommand: CommandDef = commandFromHelp('create secret', {
  subcommands: [
    commandFromHelp('create secret docker-registry', { run: runDocker, tweaks }),
    commandFromHelp('create secret generic', { run: runGeneric, tweaks }),
    commandFromHelp('create secret tls', { run: runTls, tweaks }),
  ],
});
