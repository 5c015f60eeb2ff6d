import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../../lab/lab.ts';
import { CERT_MANAGER_URL } from './manifest.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

async function lab() {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 5 })).sessions[0]!.id;
  const run = async (line: string) => {
    out.length = 0;
    const r = await engine.submit(s, line);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
  return run;
}

const ISSUERS = `apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: selfsigned
spec:
  selfSigned: {}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: lab-ca
  namespace: cert-manager
spec:
  isCA: true
  commonName: lab-ca
  secretName: lab-ca-key-pair
  issuerRef:
    name: selfsigned
    kind: ClusterIssuer
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: lab-ca
spec:
  ca:
    secretName: lab-ca-key-pair
`;

const WEB_CERT = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
spec:
  secretName: web-tls
  commonName: web.example.com
  dnsNames: [web.example.com, www.example.com]
  duration: 720h
  issuerRef:
    name: lab-ca
    kind: ClusterIssuer
`;

describe('cert-manager, installed from its release URL', () => {
  it('runs in its Deployment and turns Certificates into TLS Secrets signed by the issuer', async () => {
    const run = await lab();
    const applied = await run(`kubectl apply -f ${CERT_MANAGER_URL}`);
    expect(applied.exit).toBe(0);
    expect(applied.text).toContain('namespace/cert-manager created\n');
    expect(applied.text).toContain('customresourcedefinition.apiextensions.k8s.io/certificates.cert-manager.io created\n');
    expect(applied.text).toContain('deployment.apps/cert-manager created\n');
    expect((await run('kubectl -n cert-manager wait --for=condition=Available deployment --all --timeout=120s')).exit).toBe(0);
    expect((await run('kubectl get pods -n cert-manager --no-headers')).text).toMatch(/^cert-manager-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running /m);

    await run(`cat > issuers.yaml <<'EOF'\n${ISSUERS}EOF`);
    await run(`cat > web.yaml <<'EOF'\n${WEB_CERT}EOF`);
    expect((await run('kubectl apply -f issuers.yaml')).exit).toBe(0);
    await run('sleep 5');
    expect((await run('kubectl get clusterissuers')).text).toMatch(/^NAME +READY +AGE\nlab-ca +True +\d+s\nselfsigned +True +\d+s\n$/);
    expect((await run('kubectl apply -f web.yaml')).text).toBe('certificate.cert-manager.io/web created\n');
    await run('sleep 5');
    expect((await run('kubectl get cert')).text).toMatch(/^NAME +READY +SECRET +AGE\nweb +True +web-tls +\d+s\n$/);
    expect((await run('kubectl get secret web-tls -o jsonpath={.type}')).text).toBe('kubernetes.io/tls');
    await run("kubectl get secret web-tls -o jsonpath='{.data.tls\\.crt}' | base64 -d > web.crt");
    expect((await run('openssl x509 -in web.crt -noout -subject -issuer')).text).toBe('subject=CN = web.example.com\nissuer=CN = lab-ca\n');
    expect((await run('openssl x509 -in web.crt -noout -ext subjectAltName')).text).toContain('DNS:web.example.com, DNS:www.example.com');
    // The key in the Secret belongs to the certificate.
    await run("kubectl get secret web-tls -o jsonpath='{.data.tls\\.key}' | base64 -d > web.key");
    expect((await run('openssl x509 -in web.crt -noout -modulus')).text).toBe((await run('openssl rsa -in web.key -noout -modulus')).text);

    // A deleted Secret is issued again.
    await run('kubectl delete secret web-tls');
    await run('sleep 5');
    expect((await run('kubectl get secret web-tls -o name')).text).toBe('secret/web-tls\n');
    expect((await run('kubectl describe certificate web')).text).toMatch(/Normal +Issuing +.*The certificate has been successfully issued/);
  }, 120_000);

  it('does nothing while its controller is not running', async () => {
    const run = await lab();
    expect((await run('kubectl get certificates')).text).toBe('error: the server doesn\'t have a resource type "certificates"\n');
    await run(`kubectl apply -f ${CERT_MANAGER_URL}`);
    await run('kubectl -n cert-manager wait --for=condition=Available deployment --all --timeout=120s');
    await run('kubectl -n cert-manager scale deployment cert-manager --replicas=0');
    await run('sleep 60');
    await run(`cat > issuer.yaml <<'EOF'\napiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: self\nspec:\n  selfSigned: {}\nEOF`);
    await run('kubectl apply -f issuer.yaml');
    await run('sleep 30');
    expect((await run('kubectl get issuer self --no-headers')).text).toMatch(/^self +\d+s\n$/);
    await run('kubectl -n cert-manager scale deployment cert-manager --replicas=1');
    await run('sleep 60');
    expect((await run('kubectl get issuer self --no-headers')).text).toMatch(/^self +True +\d+s\n$/);
  }, 120_000);

  it('downloads with curl and wget from the offline mirror', async () => {
    const run = await lab();
    expect((await run(`curl -sLO ${CERT_MANAGER_URL}`)).exit).toBe(0);
    expect((await run(`wget -q ${CERT_MANAGER_URL} -O copy.yaml`)).exit).toBe(0);
    expect((await run('diff cert-manager.yaml copy.yaml && echo same')).text).toBe('same\n');
    const dry = await run('kubectl apply -f cert-manager.yaml --dry-run=client');
    expect(dry.text).toContain('deployment.apps/cert-manager created (dry run)\n');
    expect((await run('curl -s https://example.com/x')).exit).toBe(6);
  });

  it('an unknown URL is still unreachable', async () => {
    const run = await lab();
    expect((await run('kubectl apply -f https://example.com/x.yaml')).text).toBe('error: unable to read URL "https://example.com/x.yaml", server reported 404 Not Found, status code=404\n');
  });
});
