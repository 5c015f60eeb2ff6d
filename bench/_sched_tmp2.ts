import { ApiClient } from '../engine/client/client.ts';
import { startScheduler } from '../engine/scheduler/index.ts';
import { setupForTest } from './scheduler.ts';
let apiMs = 0; let calls = 0; let on = false;
const orig = ApiClient.prototype.raw;
ApiClient.prototype.raw = function (req) { if (!on) return orig.call(this, req); const t = performance.now(); try { return orig.call(this, req); } finally { apiMs += performance.now() - t; calls++; } };
for (let i = 0; i < 3; i++) {
  const { runtime, client } = setupForTest();
  apiMs = 0; calls = 0; on = true;
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const s = startScheduler({ runtime, client, leaderElect: false });
  runtime.settle();
  const ms = performance.now() - t0; const cpu = process.cpuUsage(c0);
  on = false;
  s.stop();
  console.log(ms.toFixed(0), 'cpu', ((cpu.user+cpu.system)/1000).toFixed(0), 'api', apiMs.toFixed(0), calls);
}
