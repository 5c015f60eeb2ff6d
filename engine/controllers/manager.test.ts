import { describe, expect, it } from 'vitest';
import type { ControllerDef } from './base/context.ts';
import { isControllerEnabled } from './manager.ts';

const def = (name: string, enabledByDefault = true): ControllerDef => ({ name, aliases: [name.replace(/-controller$/, '')], serviceAccount: name, enabledByDefault, start: () => ({ stop() {} }) });

describe('--controllers', () => {
  it('follows the flag rules: names, -names, and * for the defaults', () => {
    expect(isControllerEnabled(def('job-controller'), ['*'])).toBe(true);
    expect(isControllerEnabled(def('job-controller'), ['*', '-job-controller'])).toBe(false);
    expect(isControllerEnabled(def('job-controller'), ['-job', '*'])).toBe(false);
    expect(isControllerEnabled(def('job-controller'), ['cronjob-controller'])).toBe(false);
    expect(isControllerEnabled(def('job-controller'), ['job'])).toBe(true);
    expect(isControllerEnabled(def('token-cleaner-controller', false), ['*'])).toBe(false);
    expect(isControllerEnabled(def('token-cleaner-controller', false), ['*', 'token-cleaner-controller'])).toBe(true);
  });
});
