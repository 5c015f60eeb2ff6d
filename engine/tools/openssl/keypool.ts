import type { Runtime } from '../../base/runtime.ts';
import { KeyPool } from '../../pki/index.ts';

/** One key pool per lab, so two `openssl genrsa` runs never hand out the same key. */
const pools = new WeakMap<Runtime, KeyPool>();

/** keyPoolFor returns the lab's pool of RSA keys for openssl. */
export function keyPoolFor(runtime: Runtime): KeyPool {
  let pool = pools.get(runtime);
  if (!pool) pools.set(runtime, (pool = new KeyPool(runtime.rand)));
  return pool;
}

/** progressDots is what OpenSSL 3 prints to stderr while it makes a key for req -newkey. */
export function progressDots(runtime: Runtime): string {
  const line = () => {
    let s = '';
    const n = 20 + runtime.rand.int(60);
    for (let i = 0; i < n; i++) s += runtime.rand.int(3) === 0 ? '+' : '.';
    return s + '+'.repeat(65) + '*';
  };
  return `${line()}${line()}\n${line()}${line()}\n-----\n`;
}
