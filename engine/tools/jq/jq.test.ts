import { describe, expect, it } from 'vitest';
import { programByName } from '../registry.ts';
import { jqProgram } from './program.ts';
import { runTool } from './testing/run.ts';

// Behaviour that depends on the lab host rather than on jq's language (the
// language is covered by golden.test.ts against recordings of jq 1.6).
describe('jq on a lab host', () => {
  it('is installed as /usr/bin/jq with a man page', () => {
    const def = programByName('jq');
    expect(def?.path).toBe('/usr/bin/jq');
    expect(def?.man).toContain('jq - Command-line JSON processor');
  });

  it('reads input files relative to the working directory, and reports unreadable ones', async () => {
    const r = await runTool(jqProgram, ['jq', '-r', '.metadata.name', 'pod.json', '/work/missing.json'], { files: { 'pod.json': '{"metadata":{"name":"web"}}\n' } });
    expect(r).toMatchObject({ stdout: 'web\n', stderr: 'jq: error: Could not open file /work/missing.json: No such file or directory\n', code: 2 });
  });

  it('colours its output on a terminal, as jq does when stdout is a tty', async () => {
    const r = await runTool(jqProgram, ['jq', '.a'], { stdin: '{"a":"x"}\n', tty: true });
    expect(r.stdout).toBe('\x1b[0;32m"x"\x1b[0m\n');
    const mono = await runTool(jqProgram, ['jq', '-M', '.a'], { stdin: '{"a":"x"}\n', tty: true });
    expect(mono.stdout).toBe('"x"\n');
  });

  it('prints its short usage when run bare on a terminal', async () => {
    const r = await runTool(jqProgram, ['jq'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:\tjq [options] <jq filter> [file...]');
    expect(r.stderr).toContain('For a listing of options, use jq --help.');
  });

  it('stops a program that never ends instead of freezing the lab', async () => {
    const r = await runTool(jqProgram, ['jq', '-n', 'last(range(infinite))']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^jq: error \(at <unknown>\): /);
  });

  it('prints each value of a stream as it arrives (kubectl get -w -o json | jq)', async () => {
    const seen: string[] = [];
    const r = await runTool(jqProgram, ['jq', '-c', '.metadata.name'], {
      stdinChunks: ['{"metadata":{"na', 'me":"web-1"}}\n{"metadata"', ':{"name":"web-2"}}\n', '[1'],
      onRead: (out) => seen.push(out),
    });
    expect(seen).toEqual(['', '', '"web-1"\n', '"web-1"\n"web-2"\n', '"web-1"\n"web-2"\n']);
    expect(r).toMatchObject({ stdout: '"web-1"\n"web-2"\n', stderr: 'parse error: Unfinished JSON term at EOF at line 3, column 2\n', code: 4 });
  });

  it('uses the simulated clock for now', async () => {
    const r = await runTool(jqProgram, ['jq', '-n', 'now | todate']);
    expect(r.stdout).toBe('"2026-01-05T09:00:00Z"\n');
  });

  it('sees the process environment in $ENV and env', async () => {
    const r = await runTool(jqProgram, ['jq', '-n', '-r', '$ENV.KUBECONFIG, env.KUBECONFIG'], { env: { KUBECONFIG: '/root/.kube/config' } });
    expect(r.stdout).toBe('/root/.kube/config\n/root/.kube/config\n');
  });
});
