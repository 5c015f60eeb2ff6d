import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { Runtime } from '../../base/runtime.ts';
import type { Host } from '../../host/host.ts';
import { createHost, type ImageUser } from '../../host/image.ts';
import { NetError, type Listener, type Network, type Peer } from '../../host/net.ts';
import type { Editor } from '../../host/process.ts';
import { Collector } from '../../host/streams.ts';
import { PROGRAMS, programByName } from '../../tools/registry.ts';
import type { ProgramDef } from '../../tools/types.ts';
import { ShellSession, type ShellWorld } from '../session.ts';
import { loadShellParser } from '../parser/load.ts';
import { macrotaskYield, pump, type PumpOptions } from './pump.ts';

/** TestLab is a small world of hosts for shell tests. */
export interface TestLab {
  runtime: Runtime;
  hosts: Map<string, Host>;
  world: ShellWorld;
  host(name: string): Host;
}

/** createTestLab builds hosts (default: controlplane and node01) with the default image and every program installed. */
export function createTestLab(o: { hosts?: Array<{ name: string; ip: string }>; users?: ImageUser[]; programs?: ProgramDef[]; seed?: number; editor?: Editor } = {}): TestLab {
  const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: o.seed ?? 1 });
  const specs = o.hosts ?? [
    { name: 'controlplane', ip: '192.168.100.10' },
    { name: 'node01', ip: '192.168.100.11' },
  ];
  const hosts = new Map<string, Host>();
  for (const s of specs) hosts.set(s.name, createHost({ ...s, clock: runtime.clock, users: o.users, programs: o.programs ?? PROGRAMS, peers: specs }));
  const byAddr = (n: string) => hosts.get(n) ?? [...hosts.values()].find((h) => h.ip === n);
  const net: Network = {
    resolve: (name: string, _from: Peer) => byAddr(name)?.ip,
    dial: (_from: Peer, address: string, port: number): Listener => {
      throw new NetError('ECONNREFUSED', address, port);
    },
    listen: () => ({ close() {} }),
  };
  const editor: Editor = o.editor ?? { edit: async () => ({ saved: false }) };
  const world: ShellWorld = { runtime, net, editor, host: byAddr, machines: () => [...hosts.keys()] };
  return { runtime, hosts, world, host: (n) => hosts.get(n)! };
}

/** RunResult is what one line printed and its status. */
export interface RunResult {
  status: 'incomplete' | 'done' | 'ended';
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as a terminal shows them */
  out: string;
}

/** TestTerminal is a session with captured output, driven by pumping simulated time. */
export class TestTerminal {
  private constructor(
    readonly lab: TestLab,
    readonly session: ShellSession,
    private readonly sink: { out: Collector; err: Collector; all: Collector },
  ) {}

  /** open logs user in on host (default candidate@controlplane). */
  static async open(lab: TestLab, o: { host?: string; user?: string; tty?: boolean; loginShell?: boolean; programs?: (n: string) => ProgramDef | undefined } = {}): Promise<TestTerminal> {
    const all = new Collector(o.tty ?? true);
    const out = new Collector(o.tty ?? true);
    const err = new Collector(o.tty ?? true);
    const stdout = { isTTY: o.tty ?? true, write: (s: string) => (out.write(s), all.write(s)) };
    const stderr = { isTTY: o.tty ?? true, write: (s: string) => (err.write(s), all.write(s)) };
    await loadShellParser();
    const session = await pump(lab.runtime, ShellSession.open({ world: lab.world, host: lab.host(o.host ?? 'controlplane'), user: o.user ?? 'candidate', stdout, stderr, yieldToHost: macrotaskYield, loginShell: o.loginShell, programs: o.programs ?? programByName }), macrotaskYield);
    return new TestTerminal(lab, session, { out, err, all });
  }

  /** run submits one line and pumps until it is done; interruptAfterMs sends Ctrl-C after that much simulated time. */
  async run(line: string, o: { interruptAfterMs?: number; input?: string; eof?: boolean } & PumpOptions = {}): Promise<RunResult> {
    const s = this.sink;
    const marks = [s.out.text.length, s.err.text.length, s.all.text.length];
    const timer = o.interruptAfterMs !== undefined ? this.lab.runtime.after(o.interruptAfterMs, () => this.session.interrupt()) : undefined;
    const p = this.session.submit(line);
    if (o.input !== undefined || o.eof) {
      queueMicrotask(() => {
        if (o.input !== undefined) this.session.input(o.input);
        if (o.eof) this.session.endInput();
      });
    }
    const r = await pump(this.lab.runtime, p, macrotaskYield, { maxSimMs: o.maxSimMs, maxYields: o.maxYields, onStuck: o.onStuck ?? (() => this.session.interrupt()) });
    timer?.cancel();
    return {
      status: r.status,
      code: r.status === 'incomplete' ? 0 : r.code,
      stdout: s.out.text.slice(marks[0]),
      stderr: s.err.text.slice(marks[1]),
      out: s.all.text.slice(marks[2]),
    };
  }

  /** prompt is the session's current prompt. */
  prompt(): string {
    return this.session.prompt();
  }
}
