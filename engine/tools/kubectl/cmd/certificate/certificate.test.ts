import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

const CSR = (name: string) => ({
  apiVersion: 'certificates.k8s.io/v1',
  kind: 'CertificateSigningRequest',
  metadata: { name },
  spec: { request: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K', signerName: 'example.com/custom', usages: ['client auth'] },
});

describe('kubectl certificate', () => {
  it('approves and denies through the approval subresource', async () => {
    const k = clusterHarness();
    k.create('/apis/certificates.k8s.io/v1/certificatesigningrequests', CSR('alice'));
    k.create('/apis/certificates.k8s.io/v1/certificatesigningrequests', CSR('bob'));
    expect(await k.run(['certificate', 'approve', 'alice'])).toEqual({ stdout: 'certificatesigningrequest.certificates.k8s.io/alice approved\n', stderr: '', code: 0 });
    const conds = (k.get('/apis/certificates.k8s.io/v1/certificatesigningrequests/alice')!.status as { conditions: { type: string; reason: string }[] }).conditions;
    expect(conds.map((c) => [c.type, c.reason])).toEqual([['Approved', 'KubectlApprove']]);
    expect((await k.run(['certificate', 'deny', 'bob'])).stdout).toBe('certificatesigningrequest.certificates.k8s.io/bob denied\n');
    const clash = await k.run(['certificate', 'approve', 'bob']);
    expect(clash).toEqual({ stdout: '', stderr: 'error: certificate signing request "bob" is already Denied\n', code: 1 });
    expect((await k.run(['certificate', 'approve', 'nobody'])).stderr).toBe('Error from server (NotFound): certificatesigningrequests.certificates.k8s.io "nobody" not found\n');
  });

  // As kubectl 1.33 does: every CSR is visited, the failures come together at the end, one a line without "error: ".
  it('goes on past a failing CSR and reports every failure', async () => {
    const k = clusterHarness();
    const notFound = (n: string) => `Error from server (NotFound): certificatesigningrequests.certificates.k8s.io "${n}" not found\n`;
    const done = (n: string, word: string) => `certificatesigningrequest.certificates.k8s.io/${n} ${word}\n`;
    k.create('/apis/certificates.k8s.io/v1/certificatesigningrequests', CSR('web'));
    expect(await k.run(['certificate', 'approve', 'a', 'web', 'b'])).toEqual({ stdout: done('web', 'approved'), stderr: notFound('a') + notFound('b'), code: 1 });
    k.create('/apis/certificates.k8s.io/v1/certificatesigningrequests', CSR('bob'));
    const d = await k.run(['certificate', 'deny', 'web', 'nope', 'bob']);
    expect(d).toEqual({ stdout: done('bob', 'denied'), stderr: 'certificate signing request "web" is already Approved\n' + notFound('nope'), code: 1 });
  });
});
