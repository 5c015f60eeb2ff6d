import type { Word, WordPart } from '../parser/ast.ts';

const MAX_BRACE = 100_000;

/** expandBraces turns a word with {a,b} or {1..3} parts into the words it stands for. */
export function expandBraces(w: Word): Word[] {
  const idx = w.parts.findIndex((p) => p.t === 'brace');
  if (idx < 0) return [w];
  const head = w.parts.slice(0, idx);
  const tail = w.parts.slice(idx + 1);
  const b = w.parts[idx] as WordPart & { t: 'brace' };
  const alts: Word[] = b.seq ? sequence(b.elems) : b.elems.flatMap((e) => expandBraces(e));
  const out: Word[] = [];
  for (const a of alts) {
    for (const rest of expandBraces({ parts: tail })) {
      out.push({ parts: [...head, ...a.parts, ...rest.parts] });
      if (out.length > MAX_BRACE) return out;
    }
  }
  return out;
}

function litOf(w: Word | undefined): string {
  return (w?.parts ?? []).map((p) => (p.t === 'lit' ? p.v : '')).join('');
}

function sequence(elems: Word[]): Word[] {
  const a = litOf(elems[0]);
  const b = litOf(elems[1]);
  const stepText = litOf(elems[2]);
  let step = stepText === '' ? 1 : Math.abs(parseInt(stepText, 10)) || 1;
  const mk = (s: string): Word => ({ parts: [{ t: 'lit', v: s }] });
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    const x = parseInt(a, 10);
    const y = parseInt(b, 10);
    const width = /^-?0\d/.test(a) || /^-?0\d/.test(b) ? Math.max(a.length, b.length) : 0;
    const out: Word[] = [];
    if (x > y) step = -step;
    for (let i = x; step > 0 ? i <= y : i >= y; i += step) {
      const s = width ? (i < 0 ? '-' + String(-i).padStart(width - 1, '0') : String(i).padStart(width, '0')) : String(i);
      out.push(mk(s));
      if (out.length > MAX_BRACE) break;
    }
    return out;
  }
  if (/^[A-Za-z]$/.test(a) && /^[A-Za-z]$/.test(b)) {
    const x = a.charCodeAt(0);
    const y = b.charCodeAt(0);
    if (x > y) step = -step;
    const out: Word[] = [];
    for (let i = x; step > 0 ? i <= y : i >= y; i += step) out.push(mk(String.fromCharCode(i)));
    return out;
  }
  return [mk(`{${a}..${b}${stepText ? '..' + stepText : ''}}`)];
}
