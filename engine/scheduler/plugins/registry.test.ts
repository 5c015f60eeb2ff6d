import { describe, expect, it } from 'vitest';
import { defaultPluginArgs, DEFAULT_MULTI_POINT } from '../config/defaults.ts';
import { pluginWorld } from '../testing/fixtures.ts';
import { Names } from './names.ts';
import { IN_TREE_PLUGINS } from './registry.ts';

describe('in-tree registry', () => {
  it('builds every plugin once, under the name it reports', () => {
    const h = pluginWorld([]).handle;
    for (const [name, factory] of Object.entries(IN_TREE_PLUGINS)) expect(factory(defaultPluginArgs(name) ?? {}, h).name).toBe(name);
  });

  it('lists every upstream name the default profile uses, and nothing else', () => {
    expect(Object.keys(IN_TREE_PLUGINS).sort()).toEqual(Object.values(Names).sort());
    expect(DEFAULT_MULTI_POINT.map((p) => p.name).sort()).toEqual(Object.values(Names).sort());
  });
});
