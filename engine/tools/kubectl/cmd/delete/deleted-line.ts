import type { DryRun } from '../create/common.ts';

/** What a deletion line needs of the deleted object's resource. */
export interface DeletedKind {
  kind: string;
  group?: string;
  namespaced: boolean;
}

/**
 * deletedLine is DeleteOptions.PrintObj's default line, shared by delete,
 * replace --force and run --rm: `pod "web" deleted from default namespace`
 * (kubectl 1.34 names the namespace of a namespaced object), `force deleted`
 * with a zero grace period, then the dry-run suffix.
 */
export function deletedLine(res: DeletedKind, name: string, namespace: string | undefined, grace: number, d: DryRun): string {
  const kind = res.group ? `${res.kind.toLowerCase()}.${res.group}` : res.kind.toLowerCase();
  let op = grace === 0 ? 'force deleted' : 'deleted';
  if (res.namespaced) op += ` from ${namespace ?? ''} namespace`;
  if (d === 'client') op += ' (dry run)';
  else if (d === 'server') op += ' (server dry run)';
  return `${kind} "${name}" ${op}\n`;
}
