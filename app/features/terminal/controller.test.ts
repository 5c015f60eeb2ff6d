import { describe, expect, it } from 'vitest';
import { FakeEngine } from '../../testing/fake-engine.ts';
import { Screen } from '../../testing/screen.ts';
import { TerminalController } from './controller.ts';
import { History } from './history.ts';

const PROMPT = 'candidate@controlplane:~$ ';
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(opts: { cols?: number; history?: string[] } = {}) {
  const cols = opts.cols ?? 60;
  const screen = new Screen(cols, 20);
  const engine = new FakeEngine();
  const holds: (() => void)[] = [];
  const history = new History(opts.history ?? []);
  const done: string[] = [];
  const ctl = new TerminalController({
    term: { write: (s) => screen.write(s), cols: () => cols, cursorX: () => screen.cursorX(), flush: (fn) => fn() },
    session: {
      submit: (l) => engine.submit('s1', l),
      interrupt: () => engine.interrupt('s1'),
      stdin: (d) => engine.stdin('s1', d),
      endInput: async () => undefined,
      complete: (l, c) => engine.complete('s1', l, c),
    },
    history,
    timer: (fn) => {
      holds.push(fn);
      return () => undefined;
    },
    onDone: (c) => done.push(c),
  });
  engine.on((e) => {
    if (e.type === 'output') ctl.output(e.data);
  });
  void engine.openSession();
  ctl.showPrompt(PROMPT);
  /** hold fires the pending hold timers: the command is now "running". */
  const hold = () => holds.splice(0).forEach((f) => f());
  return { screen, engine, ctl, history, done, hold };
}

describe('TerminalController', () => {
  it('echoes typing at once and prints the command output, then a new prompt', async () => {
    const { screen, ctl, done } = setup();
    ctl.feed('kubectl get nodes');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get nodes');
    ctl.feed('\r');
    await settle();
    expect(screen.text()).toBe(
      [
        PROMPT + 'kubectl get nodes',
        'NAME           STATUS   ROLES           AGE   VERSION',
        'controlplane   Ready    control-plane   5m    v1.34.3',
        'node01         Ready    <none>          5m    v1.34.3',
        'node02         Ready    <none>          5m    v1.34.3',
        PROMPT,
      ].join('\n'),
    );
    expect(done).toEqual(['kubectl get nodes']);
    expect(screen.cursorX()).toBe(PROMPT.length);
  });

  it('edits in the middle of the line with readline keys', async () => {
    const { screen, ctl, engine } = setup();
    ctl.feed('get pods');
    ctl.feed('\x01kubectl \x05 -A');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get pods -A');
    ctl.feed('\x1bb\x1bb\x0b');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get ');
    expect(screen.cursorX()).toBe(PROMPT.length + 12);
    ctl.feed('\x17\x17');
    expect(screen.line(0)).toBe(PROMPT);
    ctl.feed('echo hello world\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x15');
    expect(screen.line(0)).toBe(PROMPT + 'world');
    expect(screen.cursorX()).toBe(PROMPT.length);
    ctl.feed('\x19\r');
    await settle();
    expect(engine.submitted).toEqual(['echo hello world']);
  });

  it('redraws a line that wraps past the right margin', () => {
    const { screen, ctl } = setup({ cols: 30 });
    ctl.feed('kubectl get pods --all-namespaces -o wide');
    expect(screen.line(0)).toBe((PROMPT + 'kubectl get pods --all-namespaces -o wide').slice(0, 30));
    ctl.feed('\x01\x1bf\x1bf\x1bf');
    ctl.feed('X');
    const full = PROMPT + 'kubectl get podsX --all-namespaces -o wide';
    expect(screen.line(0) + screen.line(1) + screen.line(2)).toBe(full);
    ctl.feed('\x7f\x05');
    expect(screen.line(0) + screen.line(1) + screen.line(2)).toBe(PROMPT + 'kubectl get pods --all-namespaces -o wide');
    expect(screen.line(3)).toBe('');
    expect([screen.y, screen.x]).toEqual([2, 7]);
  });

  it('recalls history with the arrows and keeps it across commands', async () => {
    const { screen, ctl, history } = setup({ history: ['echo one', 'echo two'] });
    ctl.feed('\x1b[A');
    expect(screen.line(0)).toBe(PROMPT + 'echo two');
    ctl.feed('\x1b[A\x1b[A');
    expect(screen.line(0)).toBe(PROMPT + 'echo one');
    ctl.feed('\x1b[B\x1b[B');
    expect(screen.line(0)).toBe(PROMPT);
    ctl.feed('echo three\r');
    await settle();
    expect(history.entries).toEqual(['echo one', 'echo two', 'echo three']);
  });

  it('searches history backwards with Ctrl-R and runs the match on Enter', async () => {
    const { screen, ctl, engine } = setup({ history: ['kubectl get nodes', 'echo hi', 'kubectl get pods'] });
    ctl.feed('\x12');
    expect(screen.line(0)).toBe("(reverse-i-search)`': ");
    ctl.feed('get');
    expect(screen.line(0)).toBe("(reverse-i-search)`get': kubectl get pods");
    ctl.feed('\x12');
    expect(screen.line(0)).toBe("(reverse-i-search)`get': kubectl get nodes");
    expect(screen.cursorX()).toBe("(reverse-i-search)`get': kubectl ".length);
    ctl.feed('\r');
    await settle();
    expect(engine.submitted).toEqual(['kubectl get nodes']);
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get nodes');
  });

  it('leaves Ctrl-R on the match for editing, and Ctrl-G restores the line', () => {
    const { screen, ctl } = setup({ history: ['kubectl get nodes'] });
    ctl.feed('abc\x12nod\x05 -o wide');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get nodes -o wide');
    ctl.feed('\x15\x12get\x07');
    expect(screen.line(0)).toBe(PROMPT);
  });

  it('stops a running command with Ctrl-C and prompts on a fresh line', async () => {
    const { screen, ctl, engine, hold } = setup();
    ctl.feed('sleep 100\r');
    await settle();
    hold();
    expect(ctl.mode).toBe('running');
    ctl.feed('\x03');
    await settle();
    expect(engine.interrupts).toBe(1);
    expect(screen.text()).toBe(`${PROMPT}sleep 100\n^C\n${PROMPT}`);
  });

  it('Ctrl-C at the prompt abandons the line', () => {
    const { screen, ctl } = setup();
    ctl.feed('kubectl delete pod web\x03');
    expect(screen.text()).toBe(`${PROMPT}kubectl delete pod web^C\n${PROMPT}`);
  });

  it('shows PS2 for incomplete input and sends the here-document line by line', async () => {
    const { screen, ctl, engine, done } = setup();
    ctl.feed('cat <<EOF > pod.yaml\r');
    await settle();
    expect(screen.line(1)).toBe('> ');
    ctl.feed('kind: Pod\rEOF\r');
    await settle();
    await settle();
    expect(engine.submitted).toEqual(['cat <<EOF > pod.yaml', 'kind: Pod', 'EOF']);
    expect(done).toEqual(['cat <<EOF > pod.yaml\nkind: Pod\nEOF']);
    expect(screen.line(3)).toBe(PROMPT);
  });

  it('runs pasted commands one after another', async () => {
    const { ctl, engine, screen } = setup();
    ctl.feed('echo a\recho b\r');
    for (let i = 0; i < 4; i++) await settle();
    expect(engine.submitted).toEqual(['echo a', 'echo b']);
    expect(screen.text()).toBe(`${PROMPT}echo a\na\n${PROMPT}echo b\nb\n${PROMPT}`);
  });

  it('hands what is typed to a running command that reads it', async () => {
    const { ctl, engine, screen, hold } = setup();
    ctl.feed('read x\r');
    await settle();
    hold();
    ctl.feed('yes\r');
    await settle();
    expect(engine.stdinData).toEqual(['yes\n']);
    expect(screen.text()).toBe(`${PROMPT}read x\nyes\nread: yes\n${PROMPT}`);
  });

  it('gives unread input back to the next prompt as type-ahead', async () => {
    const { ctl, engine, screen, hold } = setup();
    ctl.feed('sleep 1\r');
    await settle();
    hold();
    ctl.feed('echo la');
    engine.finishSleep('s1', '');
    await settle();
    expect(screen.line(1)).toBe('echo la' + PROMPT + 'echo la');
  });

  it('completes a word on Tab and lists candidates on the second Tab', async () => {
    const { ctl, engine, screen } = setup();
    engine.completions.set('kubectl get po', { start: 12, end: 14, candidates: ['pods', 'podtemplates', 'poddisruptionbudgets'] });
    engine.completions.set('kubectl get pod', { start: 12, end: 15, candidates: ['pods', 'podtemplates', 'poddisruptionbudgets'] });
    engine.completions.set('kubectl get pods', { start: 12, end: 16, candidates: ['pods'] });
    ctl.feed('kubectl get po\t');
    await settle();
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get pod');
    ctl.feed('\t');
    await settle();
    ctl.feed('\t');
    await settle();
    expect(screen.line(1)).toBe('poddisruptionbudgets  podtemplates');
    expect(screen.line(2)).toBe('pods');
    expect(screen.line(3)).toBe(PROMPT + 'kubectl get pod');
    ctl.feed('s\t');
    await settle();
    expect(screen.line(3)).toBe(PROMPT + 'kubectl get pods ');
  });

  it('keeps keys typed while a completion is pending, in order', async () => {
    const { ctl, engine, screen } = setup();
    engine.completions.set('kubectl ap', { start: 8, end: 10, candidates: ['apply'] });
    ctl.feed('kubectl ap\t-f x');
    await settle();
    expect(screen.line(0)).toBe(PROMPT + 'kubectl apply -f x');
  });

  it('draws the prompt after output that did not end with a newline, and edits there', async () => {
    const { ctl, screen } = setup();
    ctl.feed('printf hi\r');
    await settle();
    expect(screen.line(1)).toBe('hi' + PROMPT);
    ctl.feed('echo x\x01\x1b[3~E');
    expect(screen.line(1)).toBe('hi' + PROMPT + 'Echo x');
  });

  it('yanks the last argument of the previous command with Alt-.', () => {
    const { ctl, screen } = setup({ history: ['vi web.yaml', 'cat pod.yaml'] });
    ctl.feed('kubectl apply -f \x1b.');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl apply -f pod.yaml');
    ctl.feed('\x1b.');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl apply -f web.yaml');
  });

  it('clears the screen with Ctrl-L and keeps the line', async () => {
    const { ctl, screen } = setup();
    ctl.feed('echo a\r');
    await settle();
    ctl.feed('echo b\x0c');
    expect(screen.text()).toBe(PROMPT + 'echo b');
  });

  it('runs a command typed for the user (Apply) when the prompt is free, or after the running one', async () => {
    const { ctl, engine, hold } = setup();
    ctl.feed('sleep 1\r');
    await settle();
    hold();
    ctl.run('echo applied');
    expect(engine.submitted).toEqual(['sleep 1']);
    engine.finishSleep('s1');
    await settle();
    await settle();
    expect(engine.submitted).toEqual(['sleep 1', 'echo applied']);
  });

  it('saves and restores the line being edited', () => {
    const a = setup();
    a.ctl.feed('kubectl get no\x1b[D');
    const snap = a.ctl.snapshot();
    expect(snap).toMatchObject({ mode: 'edit', text: 'kubectl get no', cursor: 13, prompt: PROMPT });
    const b = setup();
    // Replay what the first screen shows into a fresh one (as a reload replays the transcript).
    const screen = new Screen(60, 20);
    screen.write(PROMPT + 'kubectl get no\x1b[1D');
    const c = new TerminalController({
      term: { write: (s) => screen.write(s), cols: () => 60, cursorX: () => screen.cursorX(), flush: (fn) => fn() },
      session: { submit: (l) => b.engine.submit('s1', l), interrupt: async () => undefined, stdin: async () => undefined, endInput: async () => undefined, complete: (l, x) => b.engine.complete('s1', l, x) },
      history: new History(),
    });
    c.restore(snap);
    c.feed('\x05de');
    expect(screen.line(0)).toBe(PROMPT + 'kubectl get node');
  });

  it('forgets a command of a replaced lab and shows a notice with a fresh prompt', async () => {
    const { ctl, screen, engine, hold } = setup();
    ctl.feed('sleep 100\r');
    await settle();
    hold();
    const fresh = new FakeEngine();
    await fresh.openSession();
    ctl.attach({ submit: (l) => fresh.submit('s1', l), interrupt: () => fresh.interrupt('s1'), stdin: (d) => fresh.stdin('s1', d), endInput: async () => undefined, complete: (l, c) => fresh.complete('s1', l, c) });
    ctl.notice('-- rewound --', PROMPT);
    engine.finishSleep('s1');
    await settle();
    expect(screen.text()).toBe(`${PROMPT}sleep 100\n-- rewound --\n${PROMPT}`);
    ctl.feed('echo new\r');
    await settle();
    expect(fresh.submitted).toEqual(['echo new']);
  });
});
