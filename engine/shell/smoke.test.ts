import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from './testing/lab.ts';

describe('smoke', () => {
  it('runs', async () => {
    const t = await TestTerminal.open(createTestLab());
    console.log(JSON.stringify(t.prompt()));
    for (const l of ['echo hello $HOME', 'x=5; echo $((x*2))', 'for i in a b c; do echo $i; done | cat', 'echo ${x:-def} ${y:-def}', 'cd /tmp; pwd', 'type cd', 'alias', 'nope', 'f() { echo in f $1; }; f arg', 'echo $?', 'if [ -d /tmp ]; then echo yes; fi', 'cat <<EOF\nhi $x\nEOF', 'echo {1..3}', 'echo *', 'cd ~; echo ~', 'history']) {
      const r = await t.run(l);
      console.log(JSON.stringify(l), '=>', r.code, JSON.stringify(r.out));
    }
    expect(1).toBe(1);
  });
});
