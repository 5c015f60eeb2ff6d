import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { Runtime } from '../../base/runtime.ts';
import { makeImageCatalog } from '../images/catalog.ts';
import { WORKLOAD_IMAGES } from '../images/workloads.ts';
import { ImageStore, type PullResult } from './image-store.ts';

describe('pulling images into a node', () => {
  it('takes the layers’ time once; a later pull of the same image only checks the registry', () => {
    const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: 1 });
    const store = new ImageStore(runtime, makeImageCatalog(WORKLOAD_IMAGES));
    const pull = (ref: string) => {
      let r: PullResult | undefined;
      store.pull(ref, (x) => (r = x));
      runtime.advance(60_000);
      if (!r?.ok) throw new Error('pull failed');
      return r;
    };
    const first = pull('nginx:1.27');
    expect(first.ms).toBeGreaterThan(1_500);
    const again = pull('nginx:1.27');
    expect(again.ms).toBeLessThan(600);
    expect(again.image.id).toBe(first.image.id);
  });
});
