import { expect, it } from 'vitest';
import { basename } from 'node:path';
import { shippedPackDirs } from '../node/read-pack.ts';

it('every shipped pack is run by shipped-1, shipped-2 or shipped-3.test.ts', () => {
  expect(shippedPackDirs().map((d) => basename(d))).toEqual(['cluster', 'ha', 'install', 'networking', 'rbac', 'storage', 'troubleshooting', 'workloads']);
});
