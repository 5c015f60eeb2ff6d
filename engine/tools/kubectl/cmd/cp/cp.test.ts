import { describe, expect, it } from 'vitest';
import type { RequestScope } from '../../../../apiserver/context.ts';
import type { Readable, Writable } from '../../../../host/streams.ts';
import { clusterHarness } from '../testing.ts';

/** fakeContainer serves pods/exec with a tiny file store: `cat FILE` and `sh -c "cat > 'FILE'"`. */
function fakeContainer(k: ReturnType<typeof clusterHarness>, files: Record<string, string>) {
  k.server.ctx.connectors['pods/exec'] = (_ctx, s: RequestScope) => {
    const command = ([] as string[]).concat(s.req.query?.['command'] ?? []);
    return {
      status: 101,
      body: {
        kind: 'ExecSession',
        run: async (io: { stdin?: Readable; stdout: Writable; stderr: Writable }) => {
          if (command[0] === 'cat') {
            const f = files[command[1]!];
            if (f === undefined) return 1;
            io.stdout.write(f);
            return 0;
          }
          const target = /cat > '(.*)'$/.exec(command[2] ?? '')![1]!;
          let text = '';
          for (let chunk = await io.stdin!.read(); chunk !== null; chunk = await io.stdin!.read()) text += chunk;
          files[target] = text;
          return 0;
        },
      },
    };
  };
}

describe('kubectl cp', () => {
  it('copies a file out of and into a container', async () => {
    const k = clusterHarness();
    const files: Record<string, string> = { '/etc/nginx/nginx.conf': 'worker_processes 1;\n' };
    fakeContainer(k, files);
    k.pod('web', { node: 'node01', phase: 'Running' });
    const out = await k.run(['cp', 'web:/etc/nginx/nginx.conf', '/tmp/nginx.conf']);
    expect(out).toEqual({ stdout: '', stderr: "tar: Removing leading `/' from member names\n", code: 0 });
    expect(k.host.fs.readFile('/tmp/nginx.conf')).toBe('worker_processes 1;\n');
    k.host.fs.writeFile('/root/index.html', '<h1>hi</h1>\n');
    expect(await k.run(['cp', 'index.html', 'default/web:/usr/share/nginx/html/index.html'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(files['/usr/share/nginx/html/index.html']).toBe('<h1>hi</h1>\n');
  });

  it('needs one local and one remote side', async () => {
    const k = clusterHarness();
    expect((await k.run(['cp', 'a', 'b'])).stderr).toBe('error: one of src or dest must be a remote file specification\n');
    expect((await k.run(['cp', 'missing.txt', 'web:/tmp/x'])).stderr).toBe("error: missing.txt doesn't exist in local filesystem\n");
  });
});
