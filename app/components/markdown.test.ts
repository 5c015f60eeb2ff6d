import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists and code blocks', () => {
    const doc = parseMarkdown('# Task 1\n\nCreate a pod named `web`.\nUse **nginx**.\n\n- one\n- two\n\n1. first\n2. second\n\n```yaml\nkind: Pod\n```\n');
    expect(doc).toEqual([
      { t: 'heading', level: 1, inline: [{ t: 'text', text: 'Task 1' }] },
      { t: 'para', inline: [{ t: 'text', text: 'Create a pod named ' }, { t: 'code', text: 'web' }, { t: 'text', text: '. Use ' }, { t: 'strong', text: 'nginx' }, { t: 'text', text: '.' }] },
      { t: 'list', ordered: false, items: [[{ t: 'text', text: 'one' }], [{ t: 'text', text: 'two' }]] },
      { t: 'list', ordered: true, items: [[{ t: 'text', text: 'first' }], [{ t: 'text', text: 'second' }]] },
      { t: 'code', lang: 'yaml', text: 'kind: Pod' },
    ]);
  });

  it('keeps markup-looking text as plain text', () => {
    expect(parseInline('<img src=x onerror="alert(1)">')).toEqual([{ t: 'text', text: '<img src=x onerror="alert(1)">' }]);
  });
});
