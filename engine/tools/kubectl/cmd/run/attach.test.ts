import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../protocol/api.ts';
import { Lab } from '../../../../lab/lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

async function lab() {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 4 })).sessions[0]!.id;
  return { engine, s, out };
}

describe('kubectl run -i attaches to the container', () => {
  it('gives a shell whose prompt reads what is typed, then deletes the pod with --rm', async () => {
    const { engine, s, out } = await lab();
    // Lines typed while the shell in the pod reads its terminal go to it (echoed as a terminal does).
    const typed = ['', 'echo hi from $(hostname)', 'exit', 'echo back on the terminal'];
    const r = await engine.submit(s, 'kubectl run t --rm -it --image=busybox --restart=Never -- sh', () => typed.shift());
    expect(r.kind === 'done' && r.exit).toBe(0);
    // The shell's first prompt is seen only when it comes after the attach (the shell program may still be loading).
    expect(out.join('')).toMatch(/^If you don't see a command prompt, try pressing enter\.\n(\/ # )?\n\/ # echo hi from \$\(hostname\)\nhi from t\n\/ # exit\npod "t" deleted\n$/);
    // The line after exit was not the pod's: it is still there to run.
    expect(typed).toEqual(['echo back on the terminal']);
  }, 60_000);

  it('shows what a quick command printed', async () => {
    const { engine, s, out } = await lab();
    const r = await engine.submit(s, 'kubectl run t2 --rm -it --image=busybox --restart=Never -- echo hello');
    expect(r.kind === 'done' && r.exit).toBe(0);
    expect(out.join('')).toBe('hello\npod "t2" deleted\n');
  }, 60_000);
});
