import { describe, expect, it } from 'vitest';
import type { RequestScope } from '../../../../apiserver/context.ts';
import type { Writable } from '../../../../host/streams.ts';
import { clusterHarness } from '../testing.ts';

describe('kubectl exec', () => {
  it('runs the command after -- in the container and passes its exit code on', async () => {
    const k = clusterHarness();
    const seen: Record<string, unknown>[] = [];
    k.server.ctx.connectors['pods/exec'] = (_ctx, s: RequestScope) => {
      seen.push({ ...(s.req.query ?? {}) });
      const command = ([] as string[]).concat(s.req.query?.['command'] ?? []);
      return {
        status: 101,
        body: {
          kind: 'ExecSession',
          run: async (io: { stdout: Writable }) => {
            io.stdout.write(`ran ${command.join(' ')}\n`);
            return command[0] === 'false' ? 1 : 0;
          },
        },
      };
    };
    k.pod('web', { node: 'node01', phase: 'Running' });
    expect(await k.run(['exec', 'web', '--', 'ls', '-l', '/'])).toEqual({ stdout: 'ran ls -l /\n', stderr: '', code: 0 });
    expect(seen[0]).toMatchObject({ command: ['ls', '-l', '/'], container: 'app' });
    expect(await k.run(['exec', 'web', '--', 'false'])).toEqual({ stdout: 'ran false\n', stderr: 'command terminated with exit code 1\n', code: 1 });
  });

  it('refuses what kubectl refuses', async () => {
    const k = clusterHarness();
    k.pod('done', { node: 'node01', phase: 'Succeeded' });
    expect((await k.run(['exec', 'web', 'ls'])).stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    expect((await k.run(['exec', 'web'])).stderr).toBe('error: you must specify at least one command for the container\n');
    k.pod('web', { node: 'node01', phase: 'Running' });
    expect((await k.run(['exec', 'done', '--', 'ls'])).stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  });
});
