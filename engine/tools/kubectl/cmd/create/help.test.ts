import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../registry.ts';
import { kubectlHarness } from '../../testing/harness.ts';

const texts = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata', 'help.json'), 'utf8')) as Record<string, string>;

/** registered tells whether a command path is served by the lab's kubectl. */
function registered(path: string): boolean {
  let cmd = ROOT;
  for (const w of path.split(' ')) {
    const next = cmd.subcommands?.find((c) => c.name === w);
    if (!next) return false;
    cmd = next;
  }
  return true;
}

describe('--help of the writing commands matches the real kubectl', () => {
  const k = kubectlHarness();
  for (const [path, text] of Object.entries(texts)) {
    if (!registered(path)) continue;
    it(path, async () => {
      const r = await k.run([...path.split(' '), '--help']);
      expect(r.stdout).toBe(text);
    });
  }
});
