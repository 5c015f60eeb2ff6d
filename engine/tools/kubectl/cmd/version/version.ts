import { ConnectionError } from '../../../../client/client.ts';
import type { CommandDef, RunContext } from '../../cli/command.ts';
import { connectionErrorMessage } from '../../errors.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { binaryVersion } from '../../../../host/packages/index.ts';

/** CLIENT_VERSION is this kubectl's build (the lab's newest supported minor). */
export const CLIENT_VERSION = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.1',
  gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03',
  gitTreeState: 'clean',
  buildDate: '2025-09-09T19:44:50Z',
  goVersion: 'go1.24.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const KUSTOMIZE_VERSION = 'v5.7.1';

/** clientVersion is the running kubectl binary's version: an apt upgrade of the kubectl package changes it. */
function clientVersion(c: RunContext): typeof CLIENT_VERSION {
  const v = binaryVersion(c.proc, 'kubectl');
  const m = v ? /^(\d+)\.(\d+)\.\d+$/.exec(v) : null;
  return m ? { ...CLIENT_VERSION, major: m[1]!, minor: m[2]!, gitVersion: `v${v}` } : CLIENT_VERSION;
}

async function run(c: RunContext): Promise<number> {
  const clientOnly = c.flag<boolean>('client');
  const output = c.flag<string>('output');
  let server: Record<string, string> | undefined;
  let failure: unknown;
  if (!clientOnly) {
    try {
      server = c.f.client().call<Record<string, string>>({ method: 'GET', path: '/version' });
    } catch (e) {
      failure = e;
    }
  }
  if (output === 'json' || output === 'yaml') {
    const doc: Record<string, unknown> = { clientVersion: clientVersion(c), kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    c.out(output === 'json' ? printJson(doc, false) : printYaml(doc));
  } else {
    c.out(`Client Version: ${clientVersion(c).gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) c.out(`Server Version: ${server.gitVersion}\n`);
  }
  if (failure) {
    if (failure instanceof ConnectionError) {
      c.err(`${connectionErrorMessage(failure, c.f.serverHostPort())}\n`);
      return 1;
    }
    throw failure;
  }
  return 0;
}

/** versionCommand is `kubectl version`. */
export const versionCommand: CommandDef = {
  name: 'version',
  group: 'Other Commands',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: `  # Print the client and server versions for the current context
  kubectl version`,
  use: 'version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run,
};
