/**
 * Key decoding: what xterm hands to onData (characters, control codes and
 * escape sequences, possibly many at once when pasting) becomes a list of
 * Keys the line editor understands.
 */

/** KeyName names every key the line editor acts on. */
export type KeyName =
  | 'enter' | 'tab' | 'backspace' | 'delete' | 'escape' | 'insert'
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'pageup' | 'pagedown'
  | 'ctrl-left' | 'ctrl-right' | 'ctrl-backspace'
  | `ctrl-${'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'k' | 'l' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z' | '_'}`
  | `alt-${string}`
  | 'unknown';

/** Key is either typed text (one or more printable characters) or a named key. */
export type Key = { type: 'text'; text: string } | { type: 'key'; name: KeyName; raw: string };

const CSI_NAMES: Record<string, KeyName> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end',
  '1~': 'home', '7~': 'home', '4~': 'end', '8~': 'end', '2~': 'insert', '3~': 'delete', '5~': 'pageup', '6~': 'pagedown',
};

function named(name: KeyName, raw: string): Key {
  return { type: 'key', name, raw };
}

/** csiKey names a CSI sequence's parameters and final byte (ESC [ params final). */
function csiKey(params: string, final: string, raw: string): Key {
  const mods = params.includes(';') ? Number(params.split(';')[1]) : 1;
  const ctrl = mods === 5 || mods === 6;
  const alt = mods === 3 || mods === 4;
  const base = CSI_NAMES[final === '~' ? `${params.split(';')[0]}~` : final];
  if (!base) return named('unknown', raw);
  if (ctrl && base === 'left') return named('ctrl-left', raw);
  if (ctrl && base === 'right') return named('ctrl-right', raw);
  if (alt && base === 'left') return named('alt-b', raw);
  if (alt && base === 'right') return named('alt-f', raw);
  return named(base, raw);
}

/** decodeKeys splits terminal input into keys; runs of printable characters stay one text key. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    const code = c.charCodeAt(0);
    if (c === '\x1b') {
      flush();
      const next = data[i + 1];
      if (next === '[') {
        // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E.
        let j = i + 2;
        while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
        const final = data[j] ?? '';
        const raw = data.slice(i, j + 1);
        const params = data.slice(i + 2, j);
        if (params === '200' && final === '~') {
          // Bracketed paste: everything up to ESC[201~ is text.
          const end = data.indexOf('\x1b[201~', j + 1);
          const body = end < 0 ? data.slice(j + 1) : data.slice(j + 1, end);
          keys.push(...decodeKeys(body.replace(/\x1b/g, '')));
          i = end < 0 ? data.length : end + 6;
          continue;
        }
        keys.push(csiKey(params, final, raw));
        i = j + 1;
        continue;
      }
      if (next === 'O' && i + 2 < data.length) {
        const raw = data.slice(i, i + 3);
        keys.push(named(CSI_NAMES[data[i + 2]!] ?? 'unknown', raw));
        i += 3;
        continue;
      }
      if (next === undefined) {
        keys.push(named('escape', c));
        i++;
        continue;
      }
      if (next === '\x7f' || next === '\b') {
        keys.push(named('alt-backspace', data.slice(i, i + 2)));
        i += 2;
        continue;
      }
      if (next === '\x1b') {
        keys.push(named('escape', c));
        i++;
        continue;
      }
      keys.push(named(`alt-${next.toLowerCase()}` as KeyName, data.slice(i, i + 2)));
      i += 2;
      continue;
    }
    if (code >= 0x20 && code !== 0x7f) {
      text += c;
      i++;
      continue;
    }
    flush();
    keys.push(controlKey(c));
    i++;
  }
  flush();
  return keys;
}

function controlKey(c: string): Key {
  const code = c.charCodeAt(0);
  if (c === '\r' || c === '\n') return named('enter', c);
  if (c === '\t') return named('tab', c);
  if (c === '\x7f' || c === '\b') return named('backspace', c);
  if (c === '\x1f') return named('ctrl-_', c);
  if (code >= 1 && code <= 26) return named(`ctrl-${String.fromCharCode(code + 96)}` as KeyName, c);
  return named('unknown', c);
}
