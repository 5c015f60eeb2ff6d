import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent } from '../../../engine/protocol/api.ts';
import { Lab } from '../../../engine/lab/lab.ts';
import { startServe, wallClockStart } from '../main.ts';

/** REAL_KUBECTL is the real kubectl the suite compares against. */
export const REAL_KUBECTL = process.env.KUBELAB_REAL_KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

/** realKubectlFound tells whether the suite can run here. */
export function realKubectlFound(): boolean {
  return existsSync(REAL_KUBECTL);
}

export interface Output {
  stdout: string;
  stderr: string;
  exit: number;
}

/** Differential is one lab, driven through the engine's kubectl and, over `kubelab serve`, through the real one. */
export interface Differential {
  ours(line: string): Promise<Output>;
  real(line: string): Promise<Output>;
  /** shell runs a line in the lab's terminal (setup: files, here-documents) */
  shell(line: string): Promise<Output>;
  /** writeFile puts a file at the same relative path for both kubectls: the lab's working folder and the real one's */
  writeFile(path: string, content: string): Promise<void>;
  close(): Promise<void>;
}

/** words splits a command line as the shell would for simple quoting ('…', "…", backslashes). */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      any = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      any = true;
    } else if (/\s/.test(c)) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
    } else cur += c;
  }
  if (cur || any) out.push(cur);
  return out;
}

/** RUN_START is the simulated start of every lab this run serves. */
const RUN_START = wallClockStart();

/** openDifferential boots a lab with the given seed and serves its cluster to the real kubectl. */
export async function openDifferential(seed = 1): Promise<Differential> {
  let out = '';
  let err = '';
  const lab = new Lab({
    emit: (e: EngineEvent) => {
      if (e.type !== 'output') return;
      if (e.stream === 'stdout') out += e.data;
      else err += e.data;
    },
    yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
    mode: 'stepped',
    stepAfterCommandMs: 0,
  });
  // started at the wall clock, as `kubelab serve` starts: the real kubectl checks the serving certificate's dates against it;
  // every lab of one run starts at the same moment, so two labs given the same commands stay alike
  const session = (await lab.boot({ seed, start: RUN_START })).sessions[0]!.id;
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-diff-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const served = await startServe({ port: 0, lab: lab.booted!, tick: false, kubeconfigOut: kubeconfig });
  // The real kubectl runs as `kubectl` with its kubeconfig from the environment and its cache under
  // HOME: `--record` writes the program's name and every flag on the line into change-cause.
  mkdirSync(join(dir, 'bin'));
  const realKubectl = join(dir, 'bin', 'kubectl');
  symlinkSync(REAL_KUBECTL, realKubectl);
  const runLine = async (line: string): Promise<Output> => {
    out = '';
    err = '';
    const r = await lab.submit(session, line);
    return { stdout: out, stderr: err, exit: r.kind === 'done' ? r.exit : -1 };
  };
  const home = lab.info(session);
  return {
    shell: runLine,
    writeFile: async (path, content) => {
      await lab.writeFile(home.host, `${home.cwd}/${path}`, content);
      writeFileSync(join(dir, path), content);
    },
    ours: (line) => runLine(`kubectl ${line}`),
    real: (line) =>
      new Promise((resolve) => {
        const p = spawn(realKubectl, words(line), { cwd: dir, env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir } });
        let so = '';
        let se = '';
        p.stdout.on('data', (d: Buffer) => (so += d.toString('utf8')));
        p.stderr.on('data', (d: Buffer) => (se += d.toString('utf8')));
        p.on('close', (code) => resolve({ stdout: so, stderr: se, exit: code ?? -1 }));
      }),
    close: () => served.close(),
  };
}
