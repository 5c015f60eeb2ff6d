import type { KObject } from '../../../../api/types.ts';
import type { RunContext } from '../../cli/command.ts';
import { CustomColumnsPrinter } from '../../printers/custom-columns.ts';
import { asList, nameOf, printJson, printYaml, stripManagedFields } from '../../printers/objects.ts';
import { runJsonPath, runTemplate, type OutputSpec } from '../../printers/output.ts';
import { sortByField } from '../../printers/sort.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import type { Target } from './targets.ts';

/**
 * printObjects prints whole objects (-o json|yaml|name|jsonpath|go-template|
 * custom-columns): one named object prints alone, anything else as a List.
 * Returns true: these formats never say "No resources found".
 */
export function printObjects(c: RunContext, spec: OutputSpec, fetched: { target: Target; obj: KObject }[], single: boolean, named: boolean): boolean {
  const sortBy = c.flag<string>('sort-by');
  // kubectl sorts the List it prints: never one named object, always a list of one or more (whose field must exist)
  const asOne = single && fetched.length === 1;
  const sorted = sortBy && fetched.length > 0 && !asOne ? sortByField(fetched, sortBy, (f) => f.obj) : fetched;
  const objs = sorted.map((f) => (c.flag<boolean>('show-managed-fields') ? f.obj : stripManagedFields(f.obj)));
  // nothing found for named objects prints nothing; an empty list still prints (an empty List, a header)
  if (objs.length === 0 && named) return true;
  const data: unknown = single && objs.length === 1 ? objs[0] : asList(objs);
  switch (spec.kind) {
    case 'name':
      for (const f of sorted) c.out(`${nameOf(f.target.res.kind, f.target.res.group, f.obj.metadata.name ?? '')}\n`);
      break;
    case 'json':
      c.out(printJson(data, true));
      break;
    case 'yaml':
      c.out(printYaml(data));
      break;
    case 'jsonpath':
      c.out(runJsonPath(spec, data));
      break;
    case 'template':
      try {
        c.out(runTemplate(spec, data));
      } catch (e) {
        const partial = (e as { partialOutput?: string }).partialOutput;
        if (partial) c.out(partial);
        throw e;
      }
      break;
    case 'custom-columns': {
      const p = new CustomColumnsPrinter(spec.columns, c.flag<boolean>('no-headers'));
      try {
        c.out(p.print(new TabWriter(), objs));
      } catch (e) {
        const partial = (e as { partialOutput?: string }).partialOutput;
        if (partial) c.out(partial);
        throw e;
      }
      break;
    }
    case 'table':
      break;
  }
  return true;
}
