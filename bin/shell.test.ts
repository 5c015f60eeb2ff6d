import { expect, it } from 'vitest';
import { jsonShell, MAX_OUTPUT } from './shell.ts';

interface Line {
  cmd: string;
  stdout: string;
  stderr: string;
  exit: number;
}

it('kubelab shell --json stops an endless producer as Ctrl-C would, and runs the next line', { timeout: 120_000 }, async () => {
  let text = '';
  await jsonShell('yes\necho after\nkubectl get nodes -o name\n', {}, (s) => (text += s));
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
  expect(lines.map((l) => [l.cmd, l.exit])).toEqual([
    ['yes', 130],
    ['echo after', 0],
    ['kubectl get nodes -o name', 0],
  ]);
  const yes = lines[0]!;
  expect(yes.stdout.endsWith('y\ny\n^C\n')).toBe(true);
  expect(yes.stdout.length).toBeGreaterThan(MAX_OUTPUT);
  expect(yes.stdout.length).toBeLessThan(MAX_OUTPUT + 16_384);
  expect(yes.stderr).toBe('');
  expect(lines[1]!.stdout).toBe('after\n');
  expect(lines[2]!.stdout).toBe('node/controlplane\nnode/node01\nnode/node02\n');
});

it('kubelab shell --json types the next lines into a command that reads the terminal, as a terminal would', { timeout: 120_000 }, async () => {
  let text = '';
  const script = ['kubectl run web --image=nginx', 'sleep 10', 'kubectl exec -it web -- sh', 'hostname', 'exit', 'hostname', 'cat', ''].join('\n');
  await jsonShell(script, {}, (s) => (text += s));
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
  expect(lines.map((l) => [l.cmd, l.exit])).toEqual([
    ['kubectl run web --image=nginx', 0],
    ['sleep 10', 0],
    // The shell inside the pod read "hostname" and "exit": they belong to its object, echoed.
    ['kubectl exec -it web -- sh\nhostname\nexit', 0],
    ['hostname', 0],
    // The script's end is Ctrl-D for a command still reading.
    ['cat', 0],
  ]);
  expect(lines[2]!.stdout).toMatch(/hostname\nweb\n.*exit\n$/s);
  expect(lines[3]!.stdout).toBe('terminal\n');
});
