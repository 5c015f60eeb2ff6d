import type { KObject } from '../../../../api/types.ts';
import { goText } from '../../../../base/jsonpath/gofmt.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, printAnnotations, printLabels } from './writer.ts';

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** camelSplit is fatih/camelcase's Split: runs of lower, upper (an upper run gives its last letter to a following lower run), digits and others. */
function camelSplit(s: string): string[] {
  const cls = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i]![0]!) === 2 && cls(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor turns a field name into describe's label ("apiVersion" → "API Version"). */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const expr = `${prefix}.${field}`;
    if (skip.includes(expr)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, expr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, expr, skip);
        else w.write(level + 1, `${goText(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goText(value)}\n`);
  }
}

/** describeGeneric is kubectl's generic describer: every field of the object, then its events. */
export function describeGeneric(o: KObject, d: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  printContent(w, 0, o as unknown as Record<string, unknown>, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  if (d.showEvents) describeEvents(w, d.events(o, o.kind), d.now);
  return w.text();
}
