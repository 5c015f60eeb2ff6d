import { describe, expect, it } from 'vitest';
import { nodeTestLab } from '../testing/harness.ts';

describe('lastState and logs --previous while a container waits to restart', () => {
  it('report the instance that has just ended, not the one before it', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo run at $(date +%s); sleep 2; exit 3'] }] } });
    type Status = { restartCount: number; containerID?: string; state: { waiting?: { reason: string } }; lastState: { terminated?: { containerID: string; exitCode: number; finishedAt: string } } };
    const status = () => (t.status('crash').containerStatuses?.[0] ?? { restartCount: 0, state: {}, lastState: {} }) as unknown as Status;
    // run until the second crash has the container waiting in back-off
    let st = status();
    for (let i = 0; i < 60 && !(st.state.waiting?.reason === 'CrashLoopBackOff' && st.restartCount >= 1); i++) {
      await t.advance(1000);
      st = status();
    }
    expect(st.state.waiting?.reason).toBe('CrashLoopBackOff');
    // the kubelet moved the newest instance's terminated state to lastState
    expect(st.lastState.terminated?.containerID).toBe(st.containerID);
    expect(st.lastState.terminated?.exitCode).toBe(3);
    const log = (previous: boolean) => String(t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/crash/log', query: previous ? { previous: 'true' } : {} }).body);
    // both read the instance that just crashed
    expect(log(true)).toMatch(/^run at \d+\n$/);
    expect(log(true)).toBe(log(false));
  });
});
