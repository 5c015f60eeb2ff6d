/**
 * backupsCrd is the CustomResourceDefinition tests use for a custom kind:
 * backups.lab.example.com (kind Backup, short name bk, namespaced, v1), with
 * a schema that keeps any field unless the test gives its own.
 */
export function backupsCrd(schema: Record<string, unknown> = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'backups.lab.example.com' },
    spec: {
      group: 'lab.example.com',
      scope: 'Namespaced',
      names: { plural: 'backups', singular: 'backup', kind: 'Backup', shortNames: ['bk'] },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}
