import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { KubeconfigError, type Kubeconfig } from '../../config/kubeconfig.ts';
import { printJson } from '../../printers/objects.ts';
import { toGoYaml } from '../../../../base/goyaml.ts';
import { canonicalConfig, ENTRY_KEY, type Section } from './files.ts';
import { kubeconfigFiles } from './shared.ts';
import { configViewHelp } from './texts.ts';
import { evalJsonPath } from './jsonpath.ts';

const DATA_FIELDS = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];
const SECRET_FIELDS = ['token', 'password'];

/** redact replaces certificate data with DATA+OMITTED and secrets with REDACTED, as `config view` does without --raw. */
function redact(cfg: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(cfg);
  for (const s of ['clusters', 'users'] as Section[]) {
    for (const e of (out[s] as Record<string, Record<string, unknown>>[] | null) ?? []) {
      const body = e[ENTRY_KEY[s]]!;
      for (const k of DATA_FIELDS) if (body[k]) body[k] = 'DATA+OMITTED';
      for (const k of SECRET_FIELDS) if (body[k]) body[k] = 'REDACTED';
    }
  }
  return out;
}

/** minify keeps only the context in use, its cluster and its user. */
function minify(cfg: Kubeconfig, context: string | undefined): Kubeconfig {
  const name = context || cfg['current-context'];
  if (!name) throw new KubeconfigError('current-context must exist in order to minify');
  const ctx = cfg.contexts?.find((c) => c.name === name);
  if (!ctx) throw new KubeconfigError(`cannot locate context ${name}`);
  return {
    ...cfg,
    'current-context': name,
    contexts: [ctx],
    clusters: (cfg.clusters ?? []).filter((c) => c.name === ctx.context?.cluster),
    users: (cfg.users ?? []).filter((u) => u.name === ctx.context?.user),
  };
}

/** flatten embeds the files a kubeconfig points at as base64 data. */
function flatten(c: RunContext, cfg: Kubeconfig): Kubeconfig {
  const read = (p: string) => btoa(String.fromCharCode(...c.proc.fs.readBytes(c.f.abs(p))));
  const clusters = (cfg.clusters ?? []).map((e) => {
    const b = { ...e.cluster };
    if (b['certificate-authority']) {
      b['certificate-authority-data'] = read(b['certificate-authority']);
      delete b['certificate-authority'];
    }
    return { ...e, cluster: b };
  });
  const users = (cfg.users ?? []).map((e) => {
    const b = { ...e.user };
    for (const k of ['client-certificate', 'client-key'] as const) {
      if (b[k]) {
        b[`${k}-data`] = read(b[k]!);
        delete b[k];
      }
    }
    return { ...e, user: b };
  });
  return { ...cfg, clusters, users };
}

/** jsonOrder puts a kubeconfig's fields in the order of clientcmd's v1 structs, as -o json prints them. */
function jsonOrder(cfg: Record<string, unknown>): Record<string, unknown> {
  const pick = (o: Record<string, unknown>, keys: string[]) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
    for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k];
    return out;
  };
  const CLUSTER = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression'];
  const USER = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec'];
  const CONTEXT = ['cluster', 'user', 'namespace'];
  const list = (s: Section, keys: string[]) =>
    ((cfg[s] as Record<string, unknown>[] | null) ?? []).map((e) => ({ name: e.name, [ENTRY_KEY[s]]: pick(e[ENTRY_KEY[s]] as Record<string, unknown>, keys) }));
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: cfg.preferences,
    clusters: list('clusters', CLUSTER),
    users: list('users', USER),
    contexts: list('contexts', CONTEXT),
    'current-context': cfg['current-context'],
  };
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length > 0) throw new UsageError(`unexpected arguments: [${c.args.join(' ')}]`);
  const files = kubeconfigFiles(c);
  let cfg = files.merged();
  if (c.flag<boolean>('minify')) cfg = minify(cfg, c.f.globals.context);
  const flat = c.flag<boolean>('flatten');
  if (flat) cfg = flatten(c, cfg);
  let doc = canonicalConfig(cfg);
  if (!c.flag<boolean>('raw') && !flat) doc = redact(doc);
  const output = c.flag<string>('output');
  if (output === 'yaml' || output === '') c.out(toGoYaml(doc));
  else if (output === 'json') c.out(printJson(jsonOrder(doc), false));
  else if (output === 'name') c.out('config/<unknown>\n');
  else if (output.startsWith('jsonpath=') || output.startsWith('jsonpath-as-json=')) {
    const expr = output.slice(output.indexOf('=') + 1);
    c.out(evalJsonPath(expr, jsonOrder(doc)));
  } else {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`, 'none');
  }
  return 0;
}

/** configViewCommand is `kubectl config view`. */
export const configViewCommand: CommandDef = { name: 'view', ...configViewHelp, run };

