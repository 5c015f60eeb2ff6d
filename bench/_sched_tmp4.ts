import { startScheduler } from '../engine/scheduler/index.ts';
import { setupForTest } from './scheduler.ts';
for (const priv of [true, false, true, false]) {
  const { runtime, client, admin } = setupForTest();
  const t0 = performance.now();
  const s = startScheduler({ runtime, client: priv ? admin : client, leaderElect: false });
  runtime.settle();
  console.log(priv ? 'privileged' : 'rbac', (performance.now() - t0).toFixed(0));
  s.stop();
}
