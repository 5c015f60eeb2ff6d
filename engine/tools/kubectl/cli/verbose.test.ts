import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../cmd/testing.ts';

/** withoutHeader drops klog's time and pid, which differ from run to run. */
const withoutHeader = (text: string) => text.replace(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'I ');

describe('kubectl -v', () => {
  // The lines kubectl 1.33 wrote at -v=6 against `kubelab serve` (`get ns nope`, `create cm vv`), with the server's address.
  it('logs the kubeconfig, the client’s feature gates, each request and a failed request’s Status at 6', async () => {
    const k = clusterHarness();
    const r = await k.run(['get', 'ns', 'nope', '-v=6']);
    const lines = withoutHeader(r.stderr).split('\n');
    expect(lines.filter((l) => l.includes('envvar.go:172'))).toHaveLength(5);
    expect(lines.filter((l) => l.includes('round_trippers.go:632')).pop()).toMatch(/^I round_trippers\.go:632\] "Response" verb="GET" url="https:\/\/[^"]+\/api\/v1\/namespaces\/nope" status="404 Not Found" milliseconds=\d+$/);
    expect(withoutHeader(r.stderr)).toContain(
      'I helpers.go:246] server response object: %s[{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "namespaces \\"nope\\" not found",\n  "reason": "NotFound",\n  "details": {\n    "name": "nope",\n    "kind": "namespaces"\n  },\n  "code": 404\n}]\nError from server (NotFound): namespaces "nope" not found\n',
    );
    const created = await k.run(['create', 'cm', 'vv', '-v=6']);
    expect(withoutHeader(created.stderr)).toMatch(/I round_trippers\.go:632\] "Response" verb="POST" url="https:\/\/[^"]+\/api\/v1\/namespaces\/default\/configmaps\?fieldManager=kubectl-create&fieldValidation=Strict" status="201 Created" milliseconds=\d+\n$/);
  });

  it('says nothing at 0, only the feature gates from 1 to 5', async () => {
    const k = clusterHarness();
    expect((await k.run(['get', 'ns', 'default'])).stderr).toBe('');
    const quiet = withoutHeader((await k.run(['get', 'ns', 'default', '-v=5'])).stderr);
    expect(quiet.split('\n').filter(Boolean).every((l) => l.startsWith('I envvar.go:172] "Feature gate default state" feature="'))).toBe(true);
  });
});
