import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../../../lab/testing/stepped-lab.ts';

describe('kubectl run -i attaches to the container', () => {
  it('gives a shell whose prompt reads what is typed, then deletes the pod with --rm', async () => {
    const lab = await steppedLab({ seed: 4 });
    // Lines typed while the shell in the pod reads its terminal go to it (echoed as a terminal does).
    const typed = ['', 'echo hi from $(hostname)', 'exit', 'echo back on the terminal'];
    const r = await lab.run('kubectl run t --rm -it --image=busybox --restart=Never -- sh', () => typed.shift());
    expect(r.exit).toBe(0);
    // The shell's first prompt is seen only when it comes after the attach (the shell program may still be loading).
    expect(r.text).toMatch(/^All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt\.\nIf you don't see a command prompt, try pressing enter\.\n(\/ # )?\n\/ # echo hi from \$\(hostname\)\nhi from t\n\/ # exit\npod "t" deleted from default namespace\n$/);
    // The line after exit was not the pod's: it is still there to run.
    expect(typed).toEqual(['echo back on the terminal']);
  }, 60_000);

  it('shows what a quick command printed', async () => {
    const lab = await steppedLab({ seed: 4 });
    const r = await lab.run('kubectl run t2 --rm -it --image=busybox --restart=Never -- echo hello');
    expect(r.exit).toBe(0);
    expect(r.text).toBe('hello\npod "t2" deleted from default namespace\n');
  }, 60_000);
});
