import type { KObject, ResourceDef } from '../api/types.ts';

/** wantsTable reports whether the Accept header asks for a meta.k8s.io Table (kubectl get does). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

/** tableVersion picks v1 or v1beta1 from the Accept header, preferring the first offered. */
function tableVersion(accept: string): string {
  const m = /as=Table;v=(v1beta1|v1);g=meta\.k8s\.io/.exec(accept) ?? /as=Table;g=meta\.k8s\.io;v=(v1beta1|v1)/.exec(accept);
  return m ? m[1]! : 'v1';
}

function partialMetadata(obj: KObject, version: string): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

/**
 * buildTable converts objects into a meta.k8s.io Table with the resource's
 * columns, as the apiserver's TableConvertor does. includeObject decides what
 * each row carries: None, Metadata (the default) or the whole Object.
 */
export function buildTable(
  def: ResourceDef,
  objs: readonly KObject[],
  opts: { accept: string; includeObject?: string; resourceVersion: string; now: number; continueToken?: string; noHeaders?: boolean },
): Record<string, unknown> {
  const version = tableVersion(opts.accept);
  const include = opts.includeObject || 'Metadata';
  const ctx = { now: opts.now };
  const rows = objs.map((o) => {
    const row: Record<string, unknown> = { cells: def.row(o, ctx) };
    if (include === 'Object') row.object = o;
    else if (include === 'Metadata') row.object = partialMetadata(o, version);
    return row;
  });
  const table: Record<string, unknown> = {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: opts.continueToken ? { resourceVersion: opts.resourceVersion, continue: opts.continueToken } : { resourceVersion: opts.resourceVersion },
    columnDefinitions: def.columns,
    rows,
  };
  return table;
}
