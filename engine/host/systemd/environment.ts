import { splitWords } from './unit-file.ts';

/**
 * Environment handling of systemd.exec(5): Environment= lines of
 * "VAR=value" words, EnvironmentFile= files of VAR=value lines, and the
 * $VAR / ${VAR} expansion of ExecStart= command lines.
 */

/** parseEnvironmentLine reads one Environment= value ("A=1" "B=two words"). */
export function parseEnvironmentLine(value: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const w of splitWords(value)) {
    const eq = w.indexOf('=');
    if (eq <= 0) continue;
    out.push([w.slice(0, eq), w.slice(eq + 1)]);
  }
  return out;
}

/**
 * parseEnvironmentFile reads an EnvironmentFile=: lines of VAR=VALUE, "#" and
 * ";" comments, optional quotes, backslash continuations; an "export " prefix
 * is not understood by systemd and makes the line invalid (ignored).
 */
export function parseEnvironmentFile(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = text.replace(/\\\n/g, '').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2]!;
    if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
      const q = v[0];
      v = v.slice(1, -1);
      if (q === '"') v = v.replace(/\\(["\\`$])/g, '$1');
    } else {
      v = v.replace(/\s+#.*$/, '').trim();
    }
    out.push([m[1]!, v]);
  }
  return out;
}

/**
 * expandCommandLine turns an ExecStart= value into argv: a word that is only
 * "$VAR" becomes that variable's value split at whitespace (an unset or empty
 * variable becomes no word at all); "${VAR}" inside a word is substituted
 * without splitting; "$$" is a literal dollar.
 */
export function expandCommandLine(words: string[], env: Record<string, string>): string[] {
  const out: string[] = [];
  for (const w of words) {
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(w);
    if (whole) {
      out.push(...(env[whole[1]!] ?? '').split(/\s+/).filter((s) => s !== ''));
      continue;
    }
    out.push(w.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => (m === '$$' ? '$' : (env[(a ?? b)!] ?? ''))));
  }
  return out;
}

/** ExecCommand is an ExecStart= line: its path, the raw words, and the prefix flags. */
export interface ExecCommand {
  /** raw is the value as written (systemctl status shows it in "Process:" lines) */
  raw: string;
  path: string;
  /** words are argv before expansion; words[0] is the argv[0] systemd passes */
  words: string[];
  /** ignoreFailure is the "-" prefix: a non-zero exit counts as success */
  ignoreFailure: boolean;
}

/** parseExecLine reads "-/usr/bin/x --flag $VAR" with its special prefixes (-, @, +, !, :). */
export function parseExecLine(value: string): ExecCommand | undefined {
  const words = splitWords(value);
  if (words.length === 0) return undefined;
  let first = words[0]!;
  let ignoreFailure = false;
  let argv0Override = false;
  while (/^[-@+!:]/.test(first)) {
    if (first[0] === '-') ignoreFailure = true;
    if (first[0] === '@') argv0Override = true;
    first = first.slice(1);
  }
  const rest = words.slice(1);
  const argv = argv0Override ? rest : [first, ...rest];
  return { raw: value, path: first, words: argv.length ? argv : [first], ignoreFailure };
}
