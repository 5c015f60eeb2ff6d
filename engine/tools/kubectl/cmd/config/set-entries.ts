import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { KubeconfigError } from '../../config/kubeconfig.ts';
import { kubeconfigFiles, unexpectedArgs } from './shared.ts';
import { configSetClusterHelp, configSetContextHelp, configSetCredentialsHelp } from './texts.ts';

function base64File(c: RunContext, path: string, what: string): string {
  const abs = c.f.abs(path);
  if (!c.proc.fs.exists(abs)) throw new KubeconfigError(`could not stat ${what} file ${path}: stat ${path}: no such file or directory`);
  let bin = '';
  for (const b of c.proc.fs.readBytes(abs)) bin += String.fromCharCode(b);
  return btoa(bin);
}

async function setContext(c: RunContext): Promise<number> {
  if (c.args.length > 1) unexpectedArgs(c);
  const current = c.flag<boolean>('current');
  if (current && c.args.length) throw new UsageError('you cannot specify both a context name and --current', 'none');
  if (!current && !c.args[0]) throw new UsageError('you must specify a non-empty context name or --current', 'none');
  const files = kubeconfigFiles(c);
  const name = current ? files.currentContext() : c.args[0]!;
  if (!name) throw new KubeconfigError('no current context is set');
  const existing = files.entry('contexts', name);
  const body = { ...(existing ?? {}) };
  for (const k of ['cluster', 'user', 'namespace']) if (c.changed(k)) body[k] = c.flag<string>(k);
  files.setEntry('contexts', name, body);
  c.out(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
  return 0;
}

async function setCluster(c: RunContext): Promise<number> {
  if (c.args.length !== 1) unexpectedArgs(c);
  const name = c.args[0]!;
  // kubectl checks the flags against each other before it reads the kubeconfig.
  if (c.flag<boolean>('insecure-skip-tls-verify') && c.changed('certificate-authority')) throw new KubeconfigError('you cannot specify a certificate authority and insecure mode at the same time');
  if (c.flag<boolean>('embed-certs') && !c.changed('certificate-authority')) throw new KubeconfigError('you must specify a --certificate-authority to embed');
  const files = kubeconfigFiles(c);
  const body = { ...(files.entry('clusters', name) ?? {}) };
  if (c.changed('server')) body.server = c.flag<string>('server');
  if (c.changed('tls-server-name')) body['tls-server-name'] = c.flag<string>('tls-server-name');
  if (c.changed('proxy-url')) body['proxy-url'] = c.flag<string>('proxy-url');
  if (c.changed('insecure-skip-tls-verify')) {
    body['insecure-skip-tls-verify'] = c.flag<boolean>('insecure-skip-tls-verify');
    // Insecure mode clears any certificate authority.
    if (body['insecure-skip-tls-verify']) {
      delete body['certificate-authority'];
      delete body['certificate-authority-data'];
    }
  }
  if (c.changed('certificate-authority')) {
    const ca = c.flag<string>('certificate-authority');
    if (c.flag<boolean>('embed-certs')) {
      body['certificate-authority-data'] = base64File(c, ca, 'certificate-authority');
      delete body['certificate-authority'];
    } else if (ca) {
      body['certificate-authority'] = ca;
      delete body['certificate-authority-data'];
    }
    if (ca) body['insecure-skip-tls-verify'] = false;
  }
  files.setEntry('clusters', name, body);
  c.out(`Cluster "${name}" set.\n`);
  return 0;
}

async function setCredentials(c: RunContext): Promise<number> {
  if (c.args.length !== 1) unexpectedArgs(c, `unexpected args: [${c.args.join(' ')}]`);
  const name = c.args[0]!;
  const methods: string[] = [];
  if (c.changed('token') && c.flag<string>('token')) methods.push('--token');
  if ((c.changed('username') && c.flag<string>('username')) || (c.changed('password') && c.flag<string>('password'))) methods.push('--username/--password');
  if (methods.length > 1) throw new UsageError(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`, 'none');
  const embed = c.flag<boolean>('embed-certs');
  if (embed && !c.flag<string>('client-certificate') && !c.flag<string>('client-key')) throw new KubeconfigError('you must specify a --client-certificate or --client-key to embed');
  const files = kubeconfigFiles(c);
  const body = { ...(files.entry('users', name) ?? {}) };
  for (const k of ['client-certificate', 'client-key'] as const) {
    if (!c.changed(k)) continue;
    const path = c.flag<string>(k);
    if (embed) {
      body[`${k}-data`] = base64File(c, path, k);
      delete body[k];
    } else {
      body[k] = path ? c.f.abs(path) : '';
      if (path) delete body[`${k}-data`];
    }
  }
  let setToken = false;
  let setBasic = false;
  if (c.changed('token')) {
    body.token = c.flag<string>('token');
    setToken = !!body.token;
  }
  for (const k of ['username', 'password']) {
    if (!c.changed(k)) continue;
    body[k] = c.flag<string>(k);
    setBasic ||= !!body[k];
  }
  // Setting one way of authenticating clears the other.
  if (setToken || setBasic) {
    if (!setToken) {
      delete body.token;
      delete body.tokenFile;
    }
    if (!setBasic) {
      delete body.username;
      delete body.password;
    }
  }
  files.setEntry('users', name, body);
  c.out(`User "${name}" set.\n`);
  return 0;
}

/** configSetContextCommand is `kubectl config set-context`. */
export const configSetContextCommand: CommandDef = { name: 'set-context', ...configSetContextHelp, run: setContext };
/** configSetClusterCommand is `kubectl config set-cluster`. */
export const configSetClusterCommand: CommandDef = { name: 'set-cluster', ...configSetClusterHelp, run: setCluster };
/** configSetCredentialsCommand is `kubectl config set-credentials`. */
export const configSetCredentialsCommand: CommandDef = { name: 'set-credentials', ...configSetCredentialsHelp, run: setCredentials };
