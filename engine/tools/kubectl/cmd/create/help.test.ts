import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../registry.ts';
import { kubectlHarness } from '../../testing/harness.ts';
import { HELP_TEXTS_134 } from './help-texts-134.ts';

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
      // A command whose flags changed in kubectl 1.34 prints the 1.34 text (written from its sources), not the recorded 1.33 one.
      const v134 = HELP_TEXTS_134[path];
      if (v134 !== undefined) {
        expect(r.stdout).toBe(v134);
        expect(v134).not.toBe(text);
      } else expect(r.stdout).toBe(text);
    });
  }
});
