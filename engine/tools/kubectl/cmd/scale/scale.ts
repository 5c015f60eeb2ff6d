import type { RunContext } from '../../cli/command.ts';
import { UsageError } from '../../cli/command.ts';
import { parseDuration } from '../../cli/flags.ts';
import { RECORD_FLAG, recordPatch } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, printResult } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets } from '../create/targets.ts';

async function run(c: RunContext): Promise<number> {
  const replicas = c.flag<number>('replicas');
  if (!c.changed('replicas')) throw new UsageError('required flag(s) "replicas" not set', 'none');
  if (replicas < 0) throw new WrappedError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const files = c.flag<string[]>('filename');
  if (c.args.length === 0 && files.length === 0) {
    throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  }
  const d = dryRun(c);
  checkOutput(c);
  const current = c.flag<number>('current-replicas');
  const rv = c.flag<string>('resource-version');
  let targets;
  try {
    targets = await resolveTargets(c, c.args);
  } catch (e) {
    // An object that cannot be read leaves nothing to scale, and kubectl says so around the server's answer.
    if (e instanceof Error && 'status' in e) throw new WrappedError(`no objects passed to scale ${e.message}`);
    throw e;
  }
  if (targets.length === 0) throw new WrappedError('no objects passed to scale');
  if (targets.length > 1 && (current !== -1 || rv)) throw new WrappedError('cannot use --resource-version or --current-replicas with multiple resources');
  for (const t of targets) {
    const ns = t.obj.metadata.namespace;
    const name = t.obj.metadata.name ?? '';
    // The scale subresource decides what scales: a kind without one (a DaemonSet, a Pod)
    // gets the server's 404, as kubectl shows it. It is read first only for preconditions.
    if (current !== -1 || rv) {
      const scale = c.f.client().get(t.res, ns, name, 'scale');
      const spec = (scale.spec ?? {}) as { replicas?: number };
      if (current !== -1 && (spec.replicas ?? 0) !== current) throw new WrappedError(`Expected replicas to be ${current}, was ${spec.replicas ?? 0}`);
      if (rv && scale.metadata.resourceVersion !== rv) {
        throw new WrappedError(`Expected resource version to be ${rv}, was ${scale.metadata.resourceVersion}`);
      }
    }
    if (d !== 'client') {
      const patch: Record<string, unknown> = { spec: { replicas } };
      if (rv) patch.metadata = { resourceVersion: rv };
      c.f.client().patch(t.res, ns, name, 'merge', patch, { sub: 'scale', dryRun: d === 'server', fieldManager: 'kubectl-scale' });
      // kubectl records with a second patch, and sends it without --dry-run=server's dry run
      recordPatch(c, t.res, t.obj);
    }
    const timeout = parseDuration(c.flag<string>('timeout')) ?? 0;
    if (timeout > 0 && d === 'none') {
      // --timeout waits for status.replicas to reach the new size
      const deadline = c.proc.sys.runtime.now + timeout;
      for (;;) {
        const s = c.f.client().get(t.res, ns, name, 'scale');
        if (((s.status ?? {}) as { replicas?: number }).replicas === replicas) break;
        if (c.proc.sys.runtime.now >= deadline) throw new WrappedError('timed out waiting for the condition');
        if (!(await c.proc.sys.sleep(1000, c.proc.signal))) break;
      }
    }
    // kubectl prints the object as it read it before scaling (-o yaml shows the old replicas), as the real one does
    printResult(c, t.obj, 'scaled', d, { fromServer: true });
  }
  return 0;
}

/** scaleCommand is `kubectl scale`. */
export const scaleCommand = commandFromHelp('scale', { run, hiddenFlags: [RECORD_FLAG], group: 'Deploy Commands', short: 'Set a new size for a deployment, replica set, or replication controller' });
