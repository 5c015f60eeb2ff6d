import { describe, expect, it } from 'vitest';
import { admissionChainFromFlags, enabledPlugins } from './registry.ts';

const deps = { authorize: () => ({ allowed: true }) };

describe('admission registry', () => {
  it('runs the 1.34 defaults in the fixed order', () => {
    const r = admissionChainFromFlags([], [], deps);
    if ('error' in r) throw new Error(r.error);
    expect(r.chain.names()).toEqual([
      'NamespaceLifecycle',
      'LimitRanger',
      'ServiceAccount',
      'TaintNodesByCondition',
      'PodSecurity',
      'Priority',
      'DefaultTolerationSeconds',
      'DefaultStorageClass',
      'StorageObjectInUseProtection',
      'PersistentVolumeClaimResize',
      'RuntimeClass',
      'CertificateApproval',
      'CertificateSigning',
      'CertificateSubjectRestriction',
      'DefaultIngressClass',
      'ResourceQuota',
    ]);
  });

  it("adds kubeadm's NodeRestriction in its place and drops disabled ones, whatever the flag order", () => {
    const r = enabledPlugins(['ResourceQuota,NodeRestriction'], ['LimitRanger', 'DefaultStorageClass']);
    if ('error' in r) throw new Error(r.error);
    expect(r.names.slice(0, 5)).toEqual(['NamespaceLifecycle', 'ServiceAccount', 'NodeRestriction', 'TaintNodesByCondition', 'PodSecurity']);
    expect(r.names).not.toContain('LimitRanger');
    expect(r.names).not.toContain('DefaultStorageClass');
  });

  it('answers the startup error for unknown or overlapping names', () => {
    expect(enabledPlugins(['NodeRestriction,NodeRestrictions'], [])).toEqual({ error: 'enable-admission-plugins plugin "NodeRestrictions" is unknown' });
    expect(enabledPlugins(['Foo'], ['Bar'])).toEqual({ error: '[enable-admission-plugins plugin "Foo" is unknown, disable-admission-plugins plugin "Bar" is unknown]' });
    expect(enabledPlugins(['LimitRanger'], ['LimitRanger'])).toEqual({ error: '[LimitRanger] in enable-admission-plugins and disable-admission-plugins overlapped' });
  });
});
