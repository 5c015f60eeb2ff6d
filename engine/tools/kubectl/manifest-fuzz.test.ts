import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kubectlHarness } from './testing/harness.ts';

// KUBELAB_FUZZ_RUNS raises the number of mutated manifests for a longer run.
const RUNS = Number(process.env['KUBELAB_FUZZ_RUNS'] ?? 10_000);

/** MANIFESTS are what candidates write by hand, each valid as it is. */
const MANIFESTS = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`,
  `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30080
`,
  `apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    env:
    - name: MODE
      value: "fast"
    livenessProbe:
      exec:
        command: ["true"]
      initialDelaySeconds: 5
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    emptyDir: {}
`,
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
  retries: "3"
`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: ["pods", "pods/log"]
  verbs: ["get", "list", "watch"]
`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes: ["Ingress"]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
    ports:
    - port: 5432
      protocol: TCP
`,
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
];

/** A scalar a slip of the hand or a wrong guess puts in place of another. */
const scalar = fc.oneof(
  fc.constantFrom('"', "'", '-1', '0', '1.5', 'true', 'null', '~', '[]', '{}', '[a, b', '{a: 1', '*x', '&x', '!!int', '"80"', 'Prefix', 'bogus', '0x1F', '1e3', '300m', '64Mi', ':', '- x', '|', '>'),
  fc.string({ maxLength: 8 }),
);

/** mutation edits a manifest's text the way typing does: lines lost, doubled or shifted, values and keys replaced, text cut off. */
const mutation = fc.oneof(
  fc.nat().map((n) => (lines: string[]) => lines.filter((_, i) => i !== n % lines.length)),
  fc.nat().map((n) => (lines: string[]) => lines.flatMap((l, i) => (i === n % lines.length ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\t', '   ')).map(([n, pad]) => (lines: string[]) => lines.map((l, i) => (i === n % lines.length ? pad + l : l))),
  fc.nat().map((n) => (lines: string[]) => lines.map((l, i) => (i === n % lines.length ? l.replace(/^ {2}/, '') : l))),
  fc.tuple(fc.nat(), scalar).map(([n, v]) => (lines: string[]) => lines.map((l, i) => (i === n % lines.length ? l.replace(/: .*$/, `: ${v}`) : l))),
  fc.tuple(fc.nat(), fc.constantFrom('replica', 'contaners', 'apiversion', 'Kind', 'metadata', 'spec', 'status', 'x-unknown', 'name', '')).map(([n, k]) => (lines: string[]) =>
    lines.map((l, i) => (i === n % lines.length ? l.replace(/^(\s*-?\s*)[\w.-]+:/, `$1${k}:`) : l)),
  ),
  fc.tuple(fc.constantFrom('v1', 'apps/v1', 'apps/v2', 'batch/v1', 'nope/v1', ''), fc.constantFrom('Pod', 'Deployment', 'Widget', 'List', 'pod', '')).map(([v, k]) => (lines: string[]) =>
    lines.map((l) => (l.startsWith('apiVersion:') ? `apiVersion: ${v}` : l.startsWith('kind:') ? `kind: ${k}` : l)),
  ),
  fc.nat().map((n) => (lines: string[]) => lines.slice(0, (n % lines.length) + 1)),
  fc.tuple(fc.nat(), fc.string({ maxLength: 4 })).map(([n, s]) => (lines: string[]) => {
    const text = lines.join('\n');
    const at = n % (text.length + 1);
    return (text.slice(0, at) + s + text.slice(at + 1)).split('\n');
  }),
  fc.constant((lines: string[]) => [...lines, '---', ...lines]),
);

const manifest = fc.tuple(fc.constantFrom(...MANIFESTS), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) => ms.reduce((ls, m) => m(ls), text.split('\n')).join('\n'));

/**
 * Property: a hand-written manifest with mistakes in it, given to apply,
 * create or replace, always gets text and an exit code back, never an
 * exception; a failure reports itself on stderr, and when nothing was
 * reported done the cluster is as it was.
 */
describe('kubectl under mutated manifests', () => {
  it(`answers ${RUNS} mutated manifests with a message and an exit code, and a failure changes nothing`, { timeout: 600_000 }, async () => {
    const k = kubectlHarness();
    await fc.assert(
      fc.asyncProperty(manifest, fc.constantFrom(['apply', '-f', '-'], ['create', '-f', '-'], ['replace', '-f', '-'], ['apply', '--dry-run=server', '-f', '-']), async (text, argv) => {
        const before = k.kv.revision;
        const r = await k.run([...argv], text);
        expect(Number.isInteger(r.code)).toBe(true);
        if (r.code !== 0) {
          expect(r.stderr.length).toBeGreaterThan(0);
          if (r.stdout === '') expect(k.kv.revision).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: 23 },
    );
  });
});
