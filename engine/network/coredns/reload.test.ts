import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../../lab/lab.ts';
import { DEFAULT_LAB } from '../../cluster/labs/default.ts';
import { parseCorefile } from './corefile.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

async function lab() {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 4, lab: DEFAULT_LAB })).sessions[0]!.id;
  return async (line: string) => {
    out.length = 0;
    await engine.submit(s, line);
    return out.join('');
  };
}

/** edit changes the coredns ConfigMap's Corefile with a sed script. */
const edit = (script: string) => `kubectl -n kube-system get cm coredns -o yaml | sed '${script}' | kubectl replace -f -`;
const LOOKUP = 'kubectl exec probe -- nslookup kubernetes.default.svc.cluster.local';

describe('CoreDNS and a broken Corefile', () => {
  it('keeps serving the running configuration on a failed reload, and crash-loops when restarted with it', async () => {
    const run = await lab();
    await run('kubectl run probe --image=busybox:1.36 -- sleep 3600');
    await run(edit('s/^        errors$/        errors\\n        foo/'));
    await run('sleep 45');
    const logs = await run('kubectl -n kube-system logs -l k8s-app=kube-dns --tail 2');
    expect(logs).toContain("[ERROR] Restart failed: /etc/coredns/Corefile:3 - Error during parsing: Unknown directive 'foo'\n");
    expect(logs).toContain("[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: /etc/coredns/Corefile:3 - Error during parsing: Unknown directive 'foo'\n");
    // the old configuration still answers
    expect(await run(LOOKUP)).toContain('Address: 10.96.0.1');

    await run('kubectl -n kube-system delete pod -l k8s-app=kube-dns');
    await run('sleep 30');
    expect(await run('kubectl -n kube-system get pods -l k8s-app=kube-dns --no-headers')).toMatch(/^coredns-\S+ +0\/1 +(CrashLoopBackOff|Error) /m);
    expect(await run('kubectl -n kube-system logs -l k8s-app=kube-dns --tail 1')).toContain("/etc/coredns/Corefile:3 - Error during parsing: Unknown directive 'foo'\n");
    expect(await run(LOOKUP)).toContain(';; connection timed out; no servers could be reached');

    // repaired and restarted, CoreDNS answers again
    await run(edit('/^        foo$/d'));
    await run('kubectl -n kube-system delete pod -l k8s-app=kube-dns');
    await run('sleep 30');
    expect(await run(LOOKUP)).toContain('Address: 10.96.0.1');
  });

  it('reloads a valid change, and warns without reloading on a syntax error', async () => {
    const run = await lab();
    await run(edit('s/^        cache 30$/        cache 60/'));
    await run('sleep 45');
    expect(await run('kubectl -n kube-system logs -l k8s-app=kube-dns --tail 3')).toMatch(/^\[INFO\] Reloading\n\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}\n\[INFO\] Reloading complete\n/);
    await run(edit('s/^        loadbalance$/        loadbalance {/'));
    await run('sleep 45');
    expect(await run('kubectl -n kube-system logs -l k8s-app=kube-dns --tail 1')).toMatch(/^\[WARNING\] plugin\/reload: Corefile parse failed: \/etc\/coredns\/Corefile:\d+ - Error during parsing: Unexpected EOF\n/);
  });

  it('gives the forward plugin\'s setup errors', () => {
    const path = '/etc/coredns/Corefile';
    const corefile = (fwd: string) => `.:53 {\n    errors\n    ${fwd}\n}\n`;
    expect(parseCorefile(corefile('forward .'), { path })).toEqual({ error: "plugin/forward: /etc/coredns/Corefile:3 - Error during parsing: Wrong argument count or unexpected line ending after '.'" });
    expect(parseCorefile(corefile('forward'), { path })).toEqual({ error: "plugin/forward: /etc/coredns/Corefile:3 - Error during parsing: Wrong argument count or unexpected line ending after 'forward'" });
    expect(parseCorefile(corefile('forward . /etc/resolve.conf'), { path, fileExists: (f) => f === '/etc/resolv.conf' })).toEqual({ error: 'plugin/forward: not an IP address or file: "/etc/resolve.conf"' });
    expect(parseCorefile(corefile('forward . 8.8.8.8:53 1.1.1.1 /etc/resolv.conf'), { path, fileExists: (f) => f === '/etc/resolv.conf' })).toMatchObject({ forward: true });
    expect(parseCorefile(corefile('forward . 8.8.8.8 {\n       max_fail 3\n    }'), { path })).toEqual({ error: "plugin/forward: /etc/coredns/Corefile:3 - Error during parsing: unknown property 'max_fail'" });
  });
});
