import { describe, expect, it } from 'vitest';
import { StatusError, forbidden } from './errors.ts';

describe('StatusError', () => {
  // The body a real apiserver returns to curl keeps metav1.Status's field order.
  it('lays its Status out in metav1.Status field order', () => {
    const e = forbidden({ group: '', resource: 'pods' }, '', 'User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    expect(JSON.stringify(e.status, null, 2)).toBe(`{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "pods is forbidden: User \\"system:anonymous\\" cannot list resource \\"pods\\" in API group \\"\\" in the namespace \\"default\\"",
  "reason": "Forbidden",
  "details": {
    "kind": "pods"
  },
  "code": 403
}`);
    expect(Object.keys(new StatusError({ reason: 'Unauthorized', code: 401, message: 'Unauthorized' }).status)).toEqual(['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'code']);
  });
});
