import { startScheduler } from '../engine/scheduler/index.ts';
import { setupForTest } from './scheduler.ts';
const { runtime, client } = setupForTest();
const t0 = performance.now();
(globalThis as any).__mark = true;
const s = startScheduler({ runtime, client, leaderElect: false });
runtime.settle();
console.log(performance.now() - t0);
s.stop();
