import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EngineEvent } from '../engine/protocol/api.ts';
import { Lab } from '../engine/lab/lab.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

/** MAX_OUTPUT is how much one command may print in `kubelab shell --json` before it is interrupted (docs/labs.md). */
export const MAX_OUTPUT = 16 * 1024 * 1024;

/**
 * jsonShell runs every line of input as if typed into the lab's terminal and
 * prints one JSON object per complete command: {"cmd","stdout","stderr","exit"}.
 * Simulated time moves one second per command, and jumps through waits. A
 * command that would never end is interrupted as Ctrl-C would (`^C`, exit
 * 130) after MAX_COMMAND_MS of simulated time or MAX_OUTPUT of output.
 */
export async function jsonShell(input: string, opts: { lab?: string; seed?: number }, write: (s: string) => void): Promise<number> {
  let out = '';
  let err = '';
  let session = '';
  // An endless producer (`yes`) is stopped as Ctrl-C would stop it once it has printed MAX_OUTPUT; the rest is dropped.
  let full = false;
  let stopping = false;
  const emit = (e: EngineEvent) => {
    if (e.type !== 'output' || full) return;
    if (e.stream === 'stdout') out += e.data;
    else err += e.data;
    if (session && !stopping && out.length + err.length > MAX_OUTPUT) {
      // the interrupt's own `^C` echo still goes in; what the command prints after it does not
      stopping = true;
      lab.interruptAsTyped(session);
      full = true;
    }
  };
  const lab = new Lab({ emit, yieldToHost, mode: 'stepped' });
  const boot = await lab.boot({ lab: opts.lab, seed: opts.seed });
  session = boot.sessions[0]!.id;
  out = '';
  err = '';
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let pending: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    pending.push(line);
    // Lines typed while a command reads the terminal are its input (and part of its object).
    const r = await lab.submit(session, line, () => {
      if (i + 1 >= lines.length) return undefined;
      const typed = lines[++i]!;
      pending.push(typed);
      return typed;
    });
    if (r.kind === 'incomplete') continue;
    write(JSON.stringify({ cmd: pending.join('\n'), stdout: out, stderr: err, exit: r.exit }) + '\n');
    pending = [];
    out = '';
    err = '';
    full = false;
    stopping = false;
    if (r.session.ended) break;
  }
  if (pending.length) write(JSON.stringify({ cmd: pending.join('\n'), stdout: out, stderr: `bash: syntax error: unexpected end of file\n${err}`, exit: 2 }) + '\n');
  return 0;
}

/** interactiveShell is the lab's terminal in this terminal, with simulated time following the clock. */
async function interactiveShell(opts: { lab?: string; seed?: number }): Promise<number> {
  const lab = new Lab({
    emit: (e) => {
      if (e.type === 'output') (e.stream === 'stdout' ? process.stdout : process.stderr).write(e.data);
    },
    yieldToHost,
    mode: 'realtime',
  });
  const boot = await lab.boot({ lab: opts.lab, seed: opts.seed, start: Date.now() });
  const session = boot.sessions[0]!.id;
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    lab.tick(now - last);
    last = now;
  }, 20);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let busy = false;
  rl.setPrompt(boot.sessions[0]!.prompt);
  rl.prompt();
  rl.on('SIGINT', () => {
    void lab.interrupt(session);
    if (!busy) {
      process.stdout.write('^C\n');
      rl.setPrompt(lab.info(session).prompt);
      rl.prompt();
    }
  });
  for await (const line of rl) {
    busy = true;
    const r = await lab.submit(session, line);
    busy = false;
    if (r.kind === 'done' && r.session.ended) break;
    rl.setPrompt(r.kind === 'incomplete' ? r.prompt : r.session.prompt);
    rl.prompt();
  }
  clearInterval(ticker);
  rl.close();
  return 0;
}

/** shellMain is `kubelab shell`. */
export async function shellMain(args: string[]): Promise<number> {
  const labFile = option(args, '--lab');
  const opts = { lab: labFile ? readFileSync(labFile, 'utf8') : undefined, seed: option(args, '--seed') ? Number(option(args, '--seed')) : undefined };
  if (args.includes('--json')) {
    const input = readFileSync(0, 'utf8');
    return jsonShell(input, opts, (s) => process.stdout.write(s));
  }
  return interactiveShell(opts);
}
