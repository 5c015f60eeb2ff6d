import { goYaml } from '../values/goyaml.ts';
import type { Release } from '../release/storage.ts';
import { ansic } from './table.ts';

/** statusText is the block install, upgrade and status print. */
export function statusText(r: Release, o: { showNotes?: boolean } = {}): string {
  let out = `NAME: ${r.name}\nLAST DEPLOYED: ${ansic(r.info.last_deployed)}\nNAMESPACE: ${r.namespace}\nSTATUS: ${r.info.status}\nREVISION: ${r.version}\n`;
  if (o.showNotes !== false) out += 'TEST SUITE: None\n';
  if (r.info.notes && o.showNotes !== false) out += `NOTES:\n${r.info.notes.replace(/\n*$/, '\n')}`;
  return out;
}

/** chartRef is "name-version" as list and history print it. */
export function chartRef(r: Release): string {
  return `${r.chart.metadata.name}-${r.chart.metadata.version}`;
}

/** valuesYaml prints values as helm get values does ("null" for none). */
export function valuesYaml(v: Record<string, unknown>): string {
  return Object.keys(v).length ? goYaml(v) : 'null\n';
}

/**
 * dryRunText is the status block of a dry run: helm prints the hooks and the
 * manifest when the description is "Dry run complete", then the notes trimmed.
 */
export function dryRunText(r: Release): string {
  const notes = r.info.notes?.trim();
  return `${statusText(r, { showNotes: false })}TEST SUITE: None\nHOOKS:\nMANIFEST:\n${r.manifest}\n${notes ? `NOTES:\n${notes}\n` : ''}`;
}
