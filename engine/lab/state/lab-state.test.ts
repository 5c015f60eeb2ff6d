import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../lab.ts';
import { LabStateError } from './lab-state.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

function newLab() {
  const out: string[] = [];
  const lab = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  return { lab, out };
}

async function run(l: { lab: Lab; out: string[] }, session: string, line: string): Promise<string> {
  l.out.length = 0;
  await l.lab.submit(session, line);
  return l.out.join('');
}

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kept
data:
  k: v
`;

describe('saveState and boot({ state })', () => {
  it('brings back files, cluster objects, the clock and the sessions', async () => {
    const a = newLab();
    const info = await a.lab.boot({ seed: 7 });
    const s = info.sessions[0]!.id;
    await run(a, s, `cat > cm.yaml <<'EOF'\n${CM}EOF`);
    expect(await run(a, s, 'kubectl apply -f cm.yaml')).toBe('configmap/kept created\n');
    await run(a, s, 'mkdir -p work && cd work && echo saved > note.txt');
    const before = a.lab.booted!.world.runtime.now;
    const state = await a.lab.saveState();

    const b = newLab();
    const back = await b.lab.boot({ state });
    expect(back.sessions.map((x) => [x.id, x.host, x.user, x.cwd])).toEqual([[s, 'terminal', 'candidate', '/home/candidate/work']]);
    expect(back.now).toBeGreaterThanOrEqual(before);
    expect(await run(b, s, 'cat note.txt')).toBe('saved\n');
    expect(await run(b, s, 'kubectl get configmap kept')).toMatch(/^kept {3}1 {6}\d+s\n$/m);
    // The restored lab keeps working: a new object gets the next revision, not an old one.
    expect(await run(b, s, 'kubectl apply -f ../cm.yaml')).toBe('configmap/kept unchanged\n');
  });

  it('continues the random sequence where it was saved', async () => {
    const a = newLab();
    await a.lab.boot({ seed: 3 });
    const state = await a.lab.saveState();
    const next = a.lab.booted!.world.runtime.rand.uint32();
    const b = newLab();
    await b.lab.boot({ state });
    // Booting consumed nothing of the saved sequence's future.
    expect(b.lab.booted!.world.runtime.rand.uint32()).toBe(next);
  });

  it('refuses damaged state with a clear error and leaves the running lab alone', async () => {
    const a = newLab();
    const info = await a.lab.boot({ seed: 5 });
    const s = info.sessions[0]!.id;
    await run(a, s, 'echo still-here > f');
    const good = await a.lab.saveState();
    await expect(a.lab.boot({ state: new TextEncoder().encode('not json') })).rejects.toThrow(LabStateError);
    await expect(a.lab.boot({ state: new TextEncoder().encode('{"format":"other/9"}') })).rejects.toThrow(/unknown format \(other\/9\)/);
    const text = new TextDecoder().decode(good);
    const corrupt = JSON.parse(text);
    const etcd = Object.keys(corrupt.etcd)[0]!;
    corrupt.etcd[etcd] = corrupt.etcd[etcd].slice(0, 40);
    await expect(a.lab.boot({ state: new TextEncoder().encode(JSON.stringify(corrupt)) })).rejects.toThrow(/etcd data of cluster/);
    expect(await run(a, s, 'cat f')).toBe('still-here\n');
  });
});

describe('adminRequest', () => {
  it('reads and writes as the cluster administrator, whatever the terminal user may do', async () => {
    const a = newLab();
    const s = (await a.lab.boot({ seed: 9 })).sessions[0]!.id;
    const created = await a.lab.adminRequest({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'graded' }, data: { k: 'v' } } });
    expect(created.status).toBe(201);
    expect(await run(a, s, 'kubectl get configmap graded')).toMatch(/^graded {3}1 /m);
    const missing = await a.lab.adminRequest({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/nope' });
    expect(missing.status).toBe(404);
    expect((await a.lab.adminRequest({ context: 'nope', method: 'GET', path: '/api' })).status).toBe(404);
  });
});

describe('realtime ticks', () => {
  it('move simulated time in whole milliseconds, carrying fractions', async () => {
    const lab = new Lab({ emit: () => {}, yieldToHost, mode: 'realtime' });
    await lab.boot({ seed: 4 });
    const rt = lab.booted!.world.runtime;
    const t0 = rt.now;
    for (let i = 0; i < 10; i++) lab.tick(12.5);
    expect(Number.isInteger(rt.now)).toBe(true);
    expect(rt.now - t0).toBe(125);
  });
});
