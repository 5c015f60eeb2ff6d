import { apiserverBench } from './apiserver.ts';
import { examBench } from './exam.ts';
import { schedulerBench } from './scheduler.ts';
import { startupBench } from './startup.ts';
import { storeBench } from './store.ts';
import { uiBench } from './ui.ts';
import { serveBench } from './serve-baseline.ts';
import type { Bench } from './types.ts';

/** BENCHES lists every benchmark `npm run bench` runs, in the order printed. */
export const BENCHES: Bench[] = [apiserverBench, serveBench, storeBench, schedulerBench, startupBench, examBench, uiBench];
