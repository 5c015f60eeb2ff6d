/**
 * The CustomResourceDefinitions of cert-manager v1 (cert-manager.io): Issuer,
 * ClusterIssuer and Certificate, with the printer columns, short names and
 * categories of the real release, so `kubectl get certificates` (or `cert`)
 * prints READY, SECRET and AGE as it does on a cluster running cert-manager.
 * The schemas keep the fields the operator reads and preserve the rest.
 */

const READY = { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' };
const STATUS = { jsonPath: '.status.conditions[?(@.type=="Ready")].message', name: 'Status', priority: 1, type: 'string' };
const AGE = { description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' };

const CONDITIONS = {
  type: 'array',
  items: {
    type: 'object',
    required: ['status', 'type'],
    properties: {
      lastTransitionTime: { type: 'string', format: 'date-time' },
      message: { type: 'string' },
      observedGeneration: { type: 'integer', format: 'int64' },
      reason: { type: 'string' },
      status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
      type: { type: 'string' },
    },
  },
  'x-kubernetes-list-map-keys': ['type'],
  'x-kubernetes-list-type': 'map',
};

const ISSUER_SPEC = {
  type: 'object',
  properties: {
    selfSigned: { type: 'object', properties: { crlDistributionPoints: { type: 'array', items: { type: 'string' } } } },
    ca: { type: 'object', required: ['secretName'], properties: { secretName: { type: 'string' }, crlDistributionPoints: { type: 'array', items: { type: 'string' } } } },
    acme: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    vault: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
};

function crd(o: { kind: string; plural: string; singular: string; scope: 'Namespaced' | 'Cluster'; shortNames: string[]; columns: object[]; spec: object; required?: string[] }): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${o.plural}.cert-manager.io`,
      labels: { app: 'cert-manager', 'app.kubernetes.io/instance': 'cert-manager', 'app.kubernetes.io/name': 'cert-manager', 'app.kubernetes.io/version': 'v1.16.2' },
    },
    spec: {
      group: 'cert-manager.io',
      names: { categories: ['cert-manager'], kind: o.kind, listKind: `${o.kind}List`, plural: o.plural, shortNames: o.shortNames, singular: o.singular },
      scope: o.scope,
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          additionalPrinterColumns: o.columns,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              required: ['spec'],
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: { ...o.spec, ...(o.required ? { required: o.required } : {}) },
                status: { type: 'object', properties: { conditions: CONDITIONS }, 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        },
      ],
    },
  };
}

/** CERT_MANAGER_CRDS are the three CRDs the operator serves. */
export const CERT_MANAGER_CRDS: Record<string, unknown>[] = [
  crd({ kind: 'Issuer', plural: 'issuers', singular: 'issuer', scope: 'Namespaced', shortNames: [], columns: [READY, STATUS, AGE], spec: ISSUER_SPEC }),
  crd({ kind: 'ClusterIssuer', plural: 'clusterissuers', singular: 'clusterissuer', scope: 'Cluster', shortNames: [], columns: [READY, STATUS, AGE], spec: ISSUER_SPEC }),
  crd({
    kind: 'Certificate',
    plural: 'certificates',
    singular: 'certificate',
    scope: 'Namespaced',
    shortNames: ['cert', 'certs'],
    columns: [READY, { jsonPath: '.spec.secretName', name: 'Secret', type: 'string' }, { jsonPath: '.spec.issuerRef.name', name: 'Issuer', priority: 1, type: 'string' }, STATUS, AGE],
    required: ['issuerRef', 'secretName'],
    spec: {
      type: 'object',
      properties: {
        secretName: { type: 'string' },
        commonName: { type: 'string' },
        dnsNames: { type: 'array', items: { type: 'string' } },
        ipAddresses: { type: 'array', items: { type: 'string' } },
        duration: { type: 'string' },
        renewBefore: { type: 'string' },
        isCA: { type: 'boolean' },
        usages: { type: 'array', items: { type: 'string' } },
        subject: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        privateKey: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        secretTemplate: { type: 'object', properties: { annotations: { type: 'object', additionalProperties: { type: 'string' } }, labels: { type: 'object', additionalProperties: { type: 'string' } } } },
        issuerRef: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, kind: { type: 'string' }, group: { type: 'string' } } },
      },
    },
  }),
];
