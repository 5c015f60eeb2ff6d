import { kubectlHarness } from '../../../testing/harness.ts';
import { seedReadCluster } from './seed.ts';
import { FILES } from './files.ts';

/** Golden is a recorded file: the clock it started at and each command line with its output. */
export interface Golden {
  t0: number;
  server?: string;
  cases: { args: string[]; stdout: string; stderr: string; code: number }[];
}

/** parseGolden reads a recorded file's text. */
export function parseGolden(text: string): Golden {
  return JSON.parse(text) as Golden;
}

/** seededHarness is a kubectl harness whose cluster holds the recording's objects. */
export function seededHarness(t0: number) {
  const k = kubectlHarness();
  k.runtime.advanceTo(t0);
  seedReadCluster(k.server, k.runtime);
  for (const [path, text] of Object.entries(FILES)) {
    k.host.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    k.host.fs.writeFile(path, text);
  }
  return k;
}

