import { afterEach, describe, expect, it } from 'vitest';
import { afterFirstPrompt, firstPrompt, firstPromptShown, resetFirstPrompt } from './first-prompt.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('afterFirstPrompt', () => {
  afterEach(() => resetFirstPrompt());

  it('holds work back until the first prompt has been drawn, then runs it after that frame', async () => {
    const ran: string[] = [];
    afterFirstPrompt(() => ran.push('packs'));
    afterFirstPrompt(() => ran.push('graph'));
    await tick();
    expect(ran).toEqual([]);
    firstPromptShown();
    expect(ran).toEqual([]);
    await tick();
    expect(ran).toEqual(['packs', 'graph']);
  });

  it('runs at once (on the next microtask) once the prompt is up, and only once per call', async () => {
    firstPromptShown();
    await tick();
    let n = 0;
    afterFirstPrompt(() => n++);
    firstPromptShown();
    await tick();
    expect(n).toBe(1);
    await expect(firstPrompt()).resolves.toBeUndefined();
  });

  it('drops cancelled work (a pane that unmounted)', async () => {
    let n = 0;
    const cancel = afterFirstPrompt(() => n++);
    cancel();
    firstPromptShown();
    await tick();
    const late = afterFirstPrompt(() => n++);
    late();
    await tick();
    expect(n).toBe(0);
  });
});
