import { describe, expect, it } from 'vitest';
import { labHarness } from './testing/lab.ts';

describe('kubectl create token', () => {
  it('checks its flags before asking the server, with kubectl\'s texts', async () => {
    const k = labHarness();
    expect((await k.run(['create', 'token', 'robot', '--duration=1500ms'])).stderr).toBe('error: --duration cannot be expressed in units less than seconds\n');
    expect(await k.run(['create', 'token', 'robot', '--duration=-1s'])).toEqual({ stdout: '', stderr: 'error: --duration must be greater than or equal to 0\n', code: 1 });
    expect((await k.run(['create', 'token', 'robot', '--bound-object-name=x'])).stderr).toBe('error: --bound-object-name can only be set if --bound-object-kind is provided\n');
    expect((await k.run(['create', 'token', 'robot', '--bound-object-kind=Service'])).stderr).toBe('error: supported --bound-object-kind values are Node, Pod, Secret\n');
    expect((await k.run(['create', 'token', 'robot', '--bound-object-kind=Pod'])).stderr).toBe('error: --bound-object-name is required if --bound-object-kind is provided\n');
    expect((await k.run(['create', 'token'])).stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create token -h' for help and examples\n");
  });
});
