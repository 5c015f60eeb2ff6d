import type { RunContext } from '../../cli/command.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { enforcedNamespace, make, nameArg, objectMeta } from './meta.ts';
import { configMapHash, configMapKeyErrors, parseLiteral, readEnvFile, readFileSources, sortedRecord, type KeyValue } from './sources.ts';

/** configMapData gathers --from-file, --from-literal and --from-env-file into data, with kubectl's key checks. */
export function configMapData(c: RunContext, name: string): Record<string, string> {
  const files = c.flag<string[]>('from-file');
  const literals = c.flag<string[]>('from-literal');
  const envFiles = c.flag<string[]>('from-env-file');
  if (envFiles.length && (files.length || literals.length)) throw new WrappedError('from-env-file cannot be combined with from-file or from-literal');
  const data: Record<string, string> = {};
  const add = ({ key, value }: KeyValue) => {
    const errs = configMapKeyErrors(key);
    if (errs.length) throw new WrappedError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new WrappedError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
    data[key] = value;
  };
  readFileSources(c.f, files).forEach(add);
  literals.map(parseLiteral).forEach(add);
  for (const e of envFiles) readEnvFile(c.f, e, 'config').forEach(add);
  return sortedRecord(data);
}

async function run(c: RunContext): Promise<number> {
  let name = nameArg(c);
  const data = configMapData(c, name);
  if (c.flag<boolean>('append-hash')) name = `${name}-${configMapHash(name, data)}`;
  const rest: Record<string, unknown> = { metadata: objectMeta(name, enforcedNamespace(c)) };
  if (Object.keys(data).length) rest.data = data;
  return submitCreate(c, c.f.discovery().resolve('configmaps'), make('v1', 'ConfigMap', rest), 'failed to create configmap: ');
}

const lists = { type: 'stringSlice' as const };
/** createConfigMapCommand is `kubectl create configmap`. */
export const createConfigMapCommand = commandFromHelp('create configmap', {
  run,
  tweaks: { 'from-file': lists, 'from-literal': { type: 'stringArray' }, 'from-env-file': lists },
});
