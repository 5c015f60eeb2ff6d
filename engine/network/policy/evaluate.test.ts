import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import { allowedEgress, allowedIngress, policyTypesOf, selectorMatches } from './evaluate.ts';

const pod = (ns: string, labels: Record<string, string>): Pod => ({ metadata: { namespace: ns, name: 'p', labels }, spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] } });
const np = (spec: NetworkPolicy['spec'], ns = 'default'): NetworkPolicy => ({ metadata: { namespace: ns, name: 'np' }, spec });
const from = (p: Pod, nsLabels: Record<string, string>) => ({ ip: '10.244.1.9', pod: p, namespaceLabels: nsLabels });

describe('NetworkPolicy rules', () => {
  const db = pod('default', { app: 'db' });
  const apiInProd = pod('prod', { app: 'api' });
  const otherInProd = pod('prod', { app: 'other' });
  const prodLabels = { 'kubernetes.io/metadata.name': 'prod', env: 'prod' };

  it('ANDs podSelector and namespaceSelector in one entry, ORs separate entries', () => {
    const and = np({ podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchLabels: { app: 'api' } } }] }] });
    expect(allowedIngress([and], from(apiInProd, prodLabels), db, 8080, ['TCP'])).toBe(true);
    expect(allowedIngress([and], from(otherInProd, prodLabels), db, 8080, ['TCP'])).toBe(false);
    const or = np({ podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }, { podSelector: { matchLabels: { app: 'api' } } }] }] });
    expect(allowedIngress([or], from(otherInProd, prodLabels), db, 8080, ['TCP'])).toBe(true);
  });

  it('defaults policyTypes from the rules present and leaves ingress open under an egress-only policy', () => {
    expect(policyTypesOf(np({ podSelector: {} }))).toEqual(['Ingress']);
    expect(policyTypesOf(np({ podSelector: {}, egress: [{}] }))).toEqual(['Ingress', 'Egress']);
    const egressOnly = np({ podSelector: {}, policyTypes: ['Egress'] });
    expect(allowedIngress([egressOnly], from(apiInProd, prodLabels), db, 8080, ['TCP'])).toBe(true);
    expect(allowedEgress([egressOnly], db, { ip: '8.8.8.8' }, 53, ['UDP', 'TCP'])).toBe(false);
  });

  it('matches named ports on the destination and protocols exactly', () => {
    const named = np({ podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] });
    expect(allowedIngress([named], from(apiInProd, prodLabels), db, 8080, ['TCP'])).toBe(true);
    expect(allowedIngress([named], from(apiInProd, prodLabels), db, 80, ['TCP'])).toBe(false);
    const udp = np({ podSelector: {}, ingress: [{ ports: [{ port: 8080, protocol: 'UDP' }] }] });
    expect(allowedIngress([udp], from(apiInProd, prodLabels), db, 8080, ['TCP'])).toBe(false);
  });

  it('applies matchExpressions', () => {
    const sel = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, { key: 'legacy', operator: 'DoesNotExist' }] };
    expect(selectorMatches(sel, { tier: 'api' })).toBe(true);
    expect(selectorMatches(sel, { tier: 'api', legacy: 'yes' })).toBe(false);
    expect(selectorMatches(sel, { tier: 'db' })).toBe(false);
  });
});
