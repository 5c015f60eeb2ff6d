import { goText } from '../../../base/jsonpath/gofmt.ts';
import { JsonPath } from '../../../base/jsonpath/eval.ts';
import { relaxedJsonPath } from '../../../base/jsonpath/relaxed.ts';
import type { TabWriter } from './tabwriter.ts';

/** Column is one custom column: its header and its JSONPath (relaxed form, as given). */
export interface Column {
  header: string;
  path: string;
}

/** parseCustomColumns reads "-o custom-columns=NAME:.metadata.name,…". */
export function parseCustomColumns(spec: string): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0 || part.indexOf(':', colon + 1) >= 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

/** parseCustomColumnsFile reads a custom-columns file: headers on the first line, paths on the second. */
export function parseCustomColumnsFile(text: string): Column[] {
  const lines = text.split('\n');
  if (lines.length < 2 || lines[1]!.trim() === '') throw new Error('custom-columns-file must have two lines: headers and json paths');
  const headers = lines[0]!.split(/\s+/).filter(Boolean);
  const paths = lines[1]!.split(/\s+/).filter(Boolean);
  if (headers.length !== paths.length) throw new Error(`number of headers (${headers.length}) does not match number of paths (${paths.length})`);
  return headers.map((header, i) => ({ header, path: relaxedJsonPath(paths[i]!) }));
}

/**
 * CustomColumnsPrinter prints objects as a table of JSONPath columns: every
 * match of a column joined by ",", "<none>" when nothing matched. The header
 * goes out before the first object (and a bad path fails only then, as in
 * kubectl).
 */
export class CustomColumnsPrinter {
  private headerDone = false;
  private parsers: JsonPath[] | undefined;

  constructor(
    readonly columns: Column[],
    readonly noHeaders: boolean,
  ) {}

  /** print renders objects (list items one by one) through tw. */
  print(tw: TabWriter, objs: unknown[]): string {
    if (!this.headerDone && !this.noHeaders) tw.writeRow(this.columns.map((c) => c.header));
    this.headerDone = true;
    try {
      this.parsers ??= this.columns.map((c) => new JsonPath(c.path, true));
    } catch (e) {
      (e as Error & { partialOutput?: string }).partialOutput = tw.flush();
      throw e;
    }
    for (const o of objs) {
      tw.writeRow(
        this.parsers.map((p) => {
          const groups = p.findResults(o);
          if (groups.length === 0 || groups[0]!.length === 0) return '<none>';
          return groups.flatMap((g) => g.map(goText)).join(',');
        }),
      );
    }
    return tw.flush();
  }
}
