import { type CommandDef, type RunContext } from '../../cli/command.ts';
import { KubeconfigError } from '../../config/kubeconfig.ts';
import { type KubeconfigFiles, type Section } from './files.ts';
import { kubeconfigFiles, unexpectedArgs } from './shared.ts';
import { configSetHelp, configUnsetHelp } from './texts.ts';

type Kind = 'string' | 'bool' | 'bytes' | 'strings';

/** FIELDS are the settable fields of each entry, by their JSON names (clientcmd's v1 structs). */
const FIELDS: Record<Section, Record<string, Kind>> = {
  clusters: { server: 'string', 'tls-server-name': 'string', 'insecure-skip-tls-verify': 'bool', 'certificate-authority': 'string', 'certificate-authority-data': 'bytes', 'proxy-url': 'string', 'disable-compression': 'bool' },
  users: {
    'client-certificate': 'string', 'client-certificate-data': 'bytes', 'client-key': 'string', 'client-key-data': 'bytes', token: 'string', tokenFile: 'string',
    as: 'string', 'as-uid': 'string', 'as-groups': 'strings', username: 'string', password: 'string',
  },
  contexts: { cluster: 'string', user: 'string', namespace: 'string' },
};
const PREFERENCES: Record<string, Kind> = { colors: 'bool' };

/** goMapText imitates how Go prints a map of entry pointers in the "can't set a map" error. */
function goMapText(names: string[]): string {
  return `map[${names.map((n, i) => `${n}:0xc000${(0x108e10 + i * 0x50).toString(16)}`).join(' ')}]`;
}

function convert(kind: Kind, raw: string, rawBytes: boolean): unknown {
  if (kind === 'bool') {
    if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(raw)) return true;
    if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(raw)) return false;
    throw new KubeconfigError(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
  }
  if (kind === 'bytes') {
    if (rawBytes) {
      let bin = '';
      for (const b of new TextEncoder().encode(raw)) bin += String.fromCharCode(b);
      return btoa(bin);
    }
    const bad = /[^A-Za-z0-9+/=]/.exec(raw);
    if (bad || raw.length % 4 !== 0) throw new KubeconfigError(`error decoding input value: illegal base64 data at input byte ${bad ? bad.index : raw.length - (raw.length % 4)}`);
    return raw;
  }
  if (kind === 'strings') return raw.split(',');
  return raw;
}

/** apply sets (value given) or unsets (value undefined) one property of the kubeconfig. */
function apply(files: KubeconfigFiles, property: string, value: string | undefined, rawBytes: boolean): void {
  const parts = property.split('.');
  const head = parts[0]!;
  if (head === 'current-context' && parts.length === 1) {
    files.setCurrentContext(value ?? '');
    return;
  }
  if (head === 'preferences') {
    const prefs = { ...(files.merged().preferences ?? {}) } as Record<string, unknown>;
    const field = parts[1];
    if (field === undefined || !(field in PREFERENCES) || parts.length > 2) throw new KubeconfigError(`unable to parse ${parts.slice(1).join('.')} after [preferences] at api.Preferences`);
    if (value === undefined) delete prefs[field];
    else prefs[field] = convert(PREFERENCES[field]!, value, rawBytes);
    files.setPreferences(prefs);
    return;
  }
  if (!(head in FIELDS) || parts.length < 2) throw new KubeconfigError(`unable to parse ${property} after [] at api.Config`);
  const section = head as Section;
  const name = parts[1]!;
  const existing = files.entry(section, name);
  if (parts.length === 2) {
    if (value !== undefined) throw new KubeconfigError(`can't set a map to a value: ${goMapText((files.merged()[section] ?? []).map((e) => e.name))}`);
    if (existing) files.deleteEntry(section, name);
    return;
  }
  const field = parts.slice(2).join('.');
  if (value === undefined) {
    if (!existing) throw new KubeconfigError(`current map key \`${name}\` is invalid`);
    const body = { ...existing };
    delete body[field];
    files.setEntry(section, name, body);
    return;
  }
  const kind = FIELDS[section][field];
  if (!kind) throw new KubeconfigError(`can't set a map to a value: ${goMapText((files.merged()[section] ?? []).map((e) => e.name))}`);
  const body = { ...(existing ?? {}) };
  body[field] = convert(kind, value, rawBytes);
  files.setEntry(section, name, body);
}

async function setRun(c: RunContext): Promise<number> {
  if (c.args.length !== 2) unexpectedArgs(c);
  const [property, value] = c.args as [string, string];
  apply(kubeconfigFiles(c), property, value, c.flag<boolean>('set-raw-bytes'));
  c.out(`Property "${property}" set.\n`);
  return 0;
}

async function unsetRun(c: RunContext): Promise<number> {
  if (c.args.length !== 1) unexpectedArgs(c);
  const property = c.args[0]!;
  apply(kubeconfigFiles(c), property, undefined, false);
  c.out(`Property "${property}" unset.\n`);
  return 0;
}

/** configSetCommand is `kubectl config set PROPERTY_NAME PROPERTY_VALUE`. */
export const configSetCommand: CommandDef = { name: 'set', ...configSetHelp, run: setRun };
/** configUnsetCommand is `kubectl config unset PROPERTY_NAME`. */
export const configUnsetCommand: CommandDef = { name: 'unset', ...configUnsetHelp, run: unsetRun };
