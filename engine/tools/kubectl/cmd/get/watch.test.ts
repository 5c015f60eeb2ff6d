import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InterruptSignal, Process, SystemServices } from '../../../../host/process.ts';
import { Collector, EMPTY_INPUT } from '../../../../host/streams.ts';
import { runKubectl } from '../../program.ts';
import { parseGolden, seededHarness } from './testdata/golden.ts';
import { WATCH_CASES, WATCH_STEPS } from './testdata/watch-steps.ts';

const golden = parseGolden(readFileSync(new URL('./testdata/watch.json', import.meta.url), 'utf8'));

/** interruptible is a Ctrl-C the test can press. */
function interruptible(): InterruptSignal & { press(): void } {
  const cbs = new Set<() => void>();
  const s = {
    interrupted: false,
    onInterrupt(cb: () => void) {
      cbs.add(cb);
      return () => cbs.delete(cb);
    },
    press() {
      s.interrupted = true;
      for (const cb of [...cbs]) cb();
    },
  };
  return s;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('kubectl get --watch (recorded from kubectl 1.33 while the cluster changed)', () => {
  it('records every watch case', () => {
    expect(golden.cases.map((c) => c.args)).toEqual(WATCH_CASES);
  });
  for (const c of golden.cases) {
    it(`kubectl ${c.args.join(' ')}`, async () => {
      const k = seededHarness(golden.t0);
      const signal = interruptible();
      const stdout = new Collector();
      const stderr = new Collector();
      const sys: SystemServices = {
        runtime: k.runtime,
        sleep: async () => true,
        net: k.net,
        hostIp: '192.168.1.2',
        machines: () => ['terminal', 'controlplane'],
        session: { login: () => {}, logout: () => {} },
        editor: { edit: async () => ({ saved: false }) },
        terminal: { columns: 80, rows: 24, interactive: false },
      };
      const p: Process = {
        argv: ['kubectl', ...c.args],
        env: { HOME: '/root', PATH: '/usr/bin:/bin' },
        cwd: '/root',
        hostname: 'terminal',
        user: { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', groups: [0] },
        fs: k.host.fs,
        stdin: EMPTY_INPUT,
        stdout,
        stderr,
        signal,
        sys,
      };
      const done = runKubectl(p, c.args);
      await tick();
      k.runtime.settle();
      for (const step of WATCH_STEPS) {
        step(k.server, k.runtime);
        k.runtime.settle();
        await tick();
      }
      signal.press();
      await done;
      expect({ stdout: stdout.text, stderr: stderr.text }).toEqual({ stdout: c.stdout, stderr: c.stderr });
    });
  }
});
