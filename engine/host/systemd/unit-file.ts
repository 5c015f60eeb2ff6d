/**
 * The unit file syntax of systemd.syntax(7): [Section] headers, Key=Value
 * assignments, # and ; comments, and lines continued with a trailing backslash.
 */

/** Assignment is one Key=Value line, with where it came from (for systemctl cat and errors). */
export interface Assignment {
  section: string;
  key: string;
  value: string;
  file: string;
  line: number;
}

/** ParsedUnitFile is a file's assignments in order, and the lines systemd would warn about. */
export interface ParsedUnitFile {
  assignments: Assignment[];
  /** warnings in systemd's words, e.g. "/etc/…/x.service:3: Missing '=', ignoring line." */
  warnings: string[];
}

/** parseUnitFile reads one unit file or drop-in. */
export function parseUnitFile(text: string, file: string): ParsedUnitFile {
  const assignments: Assignment[] = [];
  const warnings: string[] = [];
  const lines = text.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    // A backslash at the end joins the next line (with a space), skipping comment lines in between.
    while (line.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.trim();
      if (next.startsWith('#') || next.startsWith(';')) continue;
      line = line.slice(0, -1) + ' ' + next;
    }
    if (line.endsWith('\\')) line = line.slice(0, -1);
    if (line.startsWith('[')) {
      if (!line.endsWith(']')) {
        warnings.push(`${file}:${lineNo}: Invalid section header '${line}'`);
        continue;
      }
      section = line.slice(1, -1);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) {
      warnings.push(`${file}:${lineNo}: Missing '=', ignoring line.`);
      continue;
    }
    if (section === '') {
      warnings.push(`${file}:${lineNo}: Assignment outside of section. Ignoring.`);
      continue;
    }
    assignments.push({ section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), file, line: lineNo });
  }
  return { assignments, warnings };
}

/**
 * splitWords splits a value into words the way systemd does for ExecStart=
 * and Environment=: whitespace separates, "double" and 'single' quotes group,
 * and C escapes (\n, \t, \\, \") are understood.
 */
export function splitWords(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && i + 1 < value.length) cur += unescape(value[++i]!);
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    if (c === '\\' && i + 1 < value.length) {
      cur += unescape(value[++i]!);
      inWord = true;
      continue;
    }
    cur += c;
    inWord = true;
  }
  if (inWord) out.push(cur);
  return out;
}

function unescape(c: string): string {
  return c === 'n' ? '\n' : c === 't' ? '\t' : c;
}

/** parseBool reads systemd's booleans (yes/no, true/false, on/off, 1/0). */
export function parseBool(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(s)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(s)) return false;
  return undefined;
}
