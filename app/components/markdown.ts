/**
 * A small Markdown reader for task text: headings, paragraphs, bullet and
 * numbered lists, fenced code blocks, and inline `code`, **bold** and
 * *emphasis*. It produces plain data that is rendered as React text nodes,
 * so pack text is never parsed as HTML: `<img onerror=…>` stays characters.
 */

/** Inline is a run of text with one style. */
export type Inline = { t: 'text' | 'code' | 'strong' | 'em'; text: string };

/** Block is one block of a document. */
export type Block =
  | { t: 'heading'; level: number; inline: Inline[] }
  | { t: 'para'; inline: Inline[] }
  | { t: 'list'; ordered: boolean; items: Inline[][] }
  | { t: 'code'; lang: string; text: string };

/** parseInline splits text into code spans, bold and emphasis. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ t: 'text', text: s.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ t: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ t: 'strong', text: m[2] });
    else out.push({ t: 'em', text: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ t: 'text', text: s.slice(last) });
  return out;
}

/** parseMarkdown reads a document into blocks. */
export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ t: 'para', inline: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1]!)) body.push(lines[++i]!);
      i++;
      blocks.push({ t: 'code', lang: fence[1] ?? '', text: body.join('\n') });
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      blocks.push({ t: 'heading', level: h[1]!.length, inline: parseInline(h[2]!) });
      continue;
    }
    const li = /^\s*(?:([-*])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (li) {
      flush();
      const ordered = li[2] !== undefined;
      const prev = blocks[blocks.length - 1];
      const item = parseInline(li[3]!);
      if (prev?.t === 'list' && prev.ordered === ordered && lines[i - 1]?.trim() !== '') prev.items.push(item);
      else blocks.push({ t: 'list', ordered, items: [item] });
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return blocks;
}
