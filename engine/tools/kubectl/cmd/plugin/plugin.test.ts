import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../../../lab/testing/stepped-lab.ts';

describe('kubectl plugins', () => {
  it('lists kubectl-* executables on PATH and runs them for an unknown command', async () => {
    const lab = await steppedLab({ seed: 6 });
    const run = async (line: string) => lab.run(line);
    expect(await run('kubectl plugin list')).toEqual({ text: 'error: unable to find any kubectl plugins in your PATH\n', exit: 1 });
    await run('mkdir -p ~/bin');
    await run("printf '#!/bin/sh\\necho hi from plugin $@\\nexit 3\\n' > ~/bin/kubectl-hello-world");
    await run('chmod +x ~/bin/kubectl-hello-world');
    await run('export PATH=$PATH:~/bin');
    expect(await run('kubectl plugin list')).toEqual({ text: 'The following compatible plugins are available:\n\n/home/candidate/bin/kubectl-hello-world\n', exit: 0 });
    expect(await run('kubectl plugin list --name-only')).toEqual({ text: 'The following compatible plugins are available:\n\nkubectl-hello-world\n', exit: 0 });
    expect(await run('kubectl hello world a b')).toEqual({ text: 'hi from plugin a b\n', exit: 3 });
    expect(await run('kubectl hello a')).toEqual({ text: 'error: unknown command "hello" for "kubectl"\n', exit: 1 });
  }, 60_000);
});
