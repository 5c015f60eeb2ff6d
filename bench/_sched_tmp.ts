import { schedulerBench } from './scheduler.ts';
const r = await schedulerBench.run();
console.log(r);
