import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShellParser } from './parser/load.ts';
import { ShellSession } from './session.ts';
import { createTestLab } from './testing/lab.ts';
import { macrotaskYield, pump } from './testing/pump.ts';

// KUBELAB_FUZZ_RUNS raises the number of random lines for a longer fuzz run.
const RUNS = Number(process.env['KUBELAB_FUZZ_RUNS'] ?? 2000);

const word = fc.oneof(
  fc.constantFrom('a', 'x1', '/tmp', '~', '*', '$x', '"$@"', "'q'", '$(echo s)', '`id -u`', '${x:-d}', '$((1+2))', '{1..3}', '-l', '--help', '/nope', 'a\\ b', '$?', '!!', '#c'),
  fc.stringMatching(/^[a-z0-9._-]{1,6}$/),
);
const cmd = fc.constantFrom('echo', 'ls', 'cat', 'cd', 'pwd', 'true', 'false', 'grep', 'sort', 'wc', 'head', 'tail', 'printf', 'test', '[', 'x=1', 'export', 'unset', 'alias', 'type', 'history', 'sed', 'awk', 'cut', 'tr', 'mkdir', 'touch', 'rm', 'date', 'seq', 'nosuchcmd', 'local', 'return', 'shift', 'read', 'set', 'eval', 'exit', 'break', 'continue', 'yes', 'sleep');
const simple = fc.tuple(cmd, fc.array(word, { maxLength: 4 })).map(([c, ws]) => [c, ...ws].join(' '));
const op = fc.constantFrom(' | ', ' && ', ' || ', '; ', ' > /tmp/f ', ' 2>&1 | ', ' < /tmp/f ');
const structured = fc
  .tuple(simple, fc.array(fc.tuple(op, simple), { maxLength: 3 }), fc.constantFrom('', '', 'if true; then X; fi', '(X)', '{ X; }', 'for i in 1 2; do X; done', 'case a in a) X;; esac', 'f() { X; }; f', '! X', 'X &'))
  .map(([first, rest, wrap]) => {
    const line = first + rest.map(([o, s]) => o + s).join('');
    return wrap ? wrap.replace('X', line) : line;
  });
// Loops that may never end: the pump's Ctrl-C (or a pipe's reader going away) must stop each one.
const loopWrap = fc.constantFrom(
  'while true; do X; done', 'until false; do X; done', 'while X; do :; done', 'for ((;;)); do X; done', 'while :; do X; done | head -1',
  'i=0; while [ $i -lt 3 ]; do X; i=$((i+1)); done', 'for ((n=0; n<5; n++)); do X; done', 'yes | X', 'g() { X; g; }; g', 'while true; do X; done | while read l; do :; done',
  'for i in $(seq 1 100000); do X; done', 'while true; do (X); done', 'while true; do v=$(X); done', 'while true; do X; break; done',
);
const loop = fc.tuple(simple, loopWrap).map(([body, wrap]) => wrap.replace('X', body));
const garbage = fc.stringMatching(/^[ a-z$'"`\\(){}[\]|&;<>!#*?~=\n-]{0,24}$/);
const line = fc.oneof({ arbitrary: structured, weight: 3 }, { arbitrary: garbage, weight: 2 });

describe('random input never breaks the session', () => {
  it(`runs ${RUNS} random lines, each ending with a status`, { timeout: 600_000 }, async () => {
    await loadShellParser();
    const lab = createTestLab();
    const sink = { write: () => {}, isTTY: true };
    const open = () => pump(lab.runtime, ShellSession.open({ world: lab.world, host: lab.host('controlplane'), user: 'candidate', stdout: sink, stderr: sink, yieldToHost: macrotaskYield }), macrotaskYield);
    let session = await open();
    await fc.assert(
      fc.asyncProperty(line, async (l) => {
        if (session.ended) session = await open();
        const r = await pump(lab.runtime, session.submit(l), macrotaskYield, { maxSimMs: 5_000, maxYields: 5_000, onStuck: () => session.interrupt() });
        expect(['done', 'incomplete', 'ended']).toContain(r.status);
        if (r.status !== 'incomplete') expect(Number.isInteger(r.code)).toBe(true);
        else session.interrupt();
        expect(session.busy).toBe(false);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it(`runs ${Math.ceil(RUNS / 40)} random endless loops, each stopped by Ctrl-C or ending by itself`, { timeout: 600_000 }, async () => {
    await loadShellParser();
    const lab = createTestLab();
    const sink = { write: () => {}, isTTY: true };
    const open = () => pump(lab.runtime, ShellSession.open({ world: lab.world, host: lab.host('controlplane'), user: 'candidate', stdout: sink, stderr: sink, yieldToHost: macrotaskYield }), macrotaskYield);
    let session = await open();
    await fc.assert(
      fc.asyncProperty(loop, async (l) => {
        if (session.ended) session = await open();
        const r = await pump(lab.runtime, session.submit(l), macrotaskYield, { maxSimMs: 5_000, maxYields: 100, onStuck: () => session.interrupt() });
        expect(['done', 'incomplete', 'ended']).toContain(r.status);
        if (r.status !== 'incomplete') expect(Number.isInteger(r.code)).toBe(true);
        else session.interrupt(); // a `#` in the body commented out `done`
        expect(session.busy).toBe(false);
        // the prompt answers afterwards
        if (!session.ended) expect(await pump(lab.runtime, session.submit('true'), macrotaskYield, { maxYields: 200 })).toEqual({ status: 'done', code: 0 });
      }),
      { numRuns: Math.ceil(RUNS / 40), seed: 42 },
    );
  });
});
