import { describe, expect, it } from 'vitest';
import { crictlLab } from './testing/lab.ts';
import { goMapJson, rfc3339Nano } from './go-json.ts';

async function lab() {
  const { t, run } = await crictlLab();
  t.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
  await t.advance(8_000);
  return { t, run };
}

/** everyObject calls visit with the keys of every object inside v, at any depth. */
function everyObject(v: unknown, visit: (keys: string[]) => void): void {
  if (Array.isArray(v)) return v.forEach((x) => everyObject(x, visit));
  if (v && typeof v === 'object') {
    visit(Object.keys(v));
    for (const x of Object.values(v)) everyObject(x, visit);
  }
}

describe('crictl inspect and inspectp: the answer through Go maps', () => {
  it('formats like encoding/json over maps and Go times', () => {
    expect(goMapJson({ b: 1, a: { d: '2>&1 <x>', c: [] } })).toBe('{\n  "a": {\n    "c": [],\n    "d": "2\\u003e\\u00261 \\u003cx\\u003e"\n  },\n  "b": 1\n}');
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 0, 975))).toBe('2026-01-05T09:00:00.975Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 0, 500))).toBe('2026-01-05T09:00:00.5Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 0, 0))).toBe('2026-01-05T09:00:00Z');
  });

  it('sorts every key, gives a running container Go’s zero finish time and its pid on the node', async () => {
    const { t, run } = await lab();
    const id = (await run('ps', '-q', '--name', 'nginx')).stdout.trim();
    const out = (await run('inspect', id)).stdout;
    expect(out.startsWith('{\n  "info": {\n')).toBe(true);
    const parsed = JSON.parse(out) as { info: { pid: number }; status: Record<string, unknown> };
    everyObject(parsed, (keys) => expect(keys).toEqual([...keys].sort()));
    expect(parsed.status.finishedAt).toBe('0001-01-01T00:00:00Z');
    expect(parsed.status.startedAt).toMatch(/^2026-01-05T09:00:\d\d(\.\d*[1-9])?Z$/);
    const proc = t.host.procs.get(parsed.info.pid)!;
    expect(proc.command.startsWith('nginx') || proc.command.startsWith('/docker-entrypoint.sh')).toBe(true);
    const pod = JSON.parse((await run('inspectp', (await run('pods', '-q', '--name', 'web')).stdout.trim())).stdout) as { info: { pid: number } };
    expect(t.host.procs.get(pod.info.pid)?.command).toBe('/pause');
  });
});
