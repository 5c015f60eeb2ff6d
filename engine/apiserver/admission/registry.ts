import { AdmissionChain } from './chain.ts';
import type { AdmissionPlugin } from './types.ts';
import type { AuthorizeFn } from './signer-authz.ts';
import { certificateApproval } from './certificate-approval/certificate-approval.ts';
import { certificateSigning } from './certificate-signing/certificate-signing.ts';
import { certificateSubjectRestriction } from './certificate-subject-restriction/certificate-subject-restriction.ts';
import { defaultIngressClass } from './default-ingress-class/default-ingress-class.ts';
import { defaultStorageClass } from './default-storage-class/default-storage-class.ts';
import { defaultTolerationSeconds } from './default-toleration-seconds/default-toleration-seconds.ts';
import { limitRanger } from './limit-ranger/limit-ranger.ts';
import { namespaceLifecycle } from './namespace-lifecycle/namespace-lifecycle.ts';
import { nodeRestriction } from './node-restriction/node-restriction.ts';
import { persistentVolumeClaimResize } from './persistent-volume-claim-resize/persistent-volume-claim-resize.ts';
import { podSecurity } from './pod-security/pod-security.ts';
import { priority } from './priority/priority.ts';
import { resourceQuota } from './resource-quota/resource-quota.ts';
import { runtimeClass } from './runtime-class/runtime-class.ts';
import { serviceAccount } from './service-account/service-account.ts';
import { storageObjectInUseProtection } from './storage-object-in-use-protection/storage-object-in-use-protection.ts';
import { taintNodesByCondition } from './taint-nodes-by-condition/taint-nodes-by-condition.ts';

/** AdmissionDeps is what some plugins need from the apiserver they run in. */
export interface AdmissionDeps {
  /** the authorizer chain (CertificateApproval/CertificateSigning); bind it late if the server is built after the chain */
  authorize: AuthorizeFn;
  /** the apiserver's minor version: PodSecurity's "latest" (34 for v1.34) */
  latestMinor?: number;
}

type Factory = (deps: AdmissionDeps) => AdmissionPlugin | undefined;

/**
 * PLUGINS is kube-apiserver 1.34's AllOrderedPlugins: every registered name
 * in the fixed order the chain runs them, whatever order the flags give.
 * Names whose behaviour the lab does not model are registered (so the flags
 * accept them, as the real binary does) and admit everything.
 */
export const PLUGINS: readonly (readonly [string, Factory])[] = [
  ['AlwaysAdmit', () => undefined],
  ['NamespaceAutoProvision', () => undefined],
  ['NamespaceLifecycle', () => namespaceLifecycle()],
  ['NamespaceExists', () => undefined],
  ['LimitPodHardAntiAffinityTopology', () => undefined],
  ['LimitRanger', () => limitRanger()],
  ['ServiceAccount', () => serviceAccount()],
  ['NodeRestriction', () => nodeRestriction()],
  ['TaintNodesByCondition', () => taintNodesByCondition()],
  ['AlwaysPullImages', () => undefined],
  ['ImagePolicyWebhook', () => undefined],
  ['PodSecurity', (d) => podSecurity({ latestMinor: d.latestMinor })],
  ['PodNodeSelector', () => undefined],
  ['Priority', () => priority()],
  ['DefaultTolerationSeconds', () => defaultTolerationSeconds()],
  ['PodTolerationRestriction', () => undefined],
  ['EventRateLimit', () => undefined],
  ['ExtendedResourceToleration', () => undefined],
  ['DefaultStorageClass', () => defaultStorageClass()],
  ['StorageObjectInUseProtection', () => storageObjectInUseProtection()],
  ['OwnerReferencesPermissionEnforcement', () => undefined],
  ['PersistentVolumeClaimResize', () => persistentVolumeClaimResize()],
  ['RuntimeClass', () => runtimeClass()],
  ['CertificateApproval', (d) => certificateApproval(d.authorize)],
  ['CertificateSigning', (d) => certificateSigning(d.authorize)],
  ['ClusterTrustBundleAttest', () => undefined],
  ['CertificateSubjectRestriction', () => certificateSubjectRestriction()],
  ['DefaultIngressClass', () => defaultIngressClass()],
  ['DenyServiceExternalIPs', () => undefined],
  ['PodTopologyLabels', () => undefined],
  ['MutatingAdmissionPolicy', () => undefined],
  ['MutatingAdmissionWebhook', () => undefined],
  ['ValidatingAdmissionPolicy', () => undefined],
  ['ValidatingAdmissionWebhook', () => undefined],
  ['ResourceQuota', () => resourceQuota()],
  ['AlwaysDeny', () => undefined],
];

/** DEFAULT_ENABLED are the plugins kube-apiserver 1.34 runs without any admission flag. */
export const DEFAULT_ENABLED: readonly string[] = [
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
  'ClusterTrustBundleAttest',
  'CertificateSubjectRestriction',
  'DefaultIngressClass',
  'PodTopologyLabels',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
  'ResourceQuota',
];

const KNOWN = new Set(PLUGINS.map(([n]) => n));
if (KNOWN.size !== PLUGINS.length) throw new Error('duplicate admission plugin name');
for (const n of DEFAULT_ENABLED) if (!KNOWN.has(n)) throw new Error(`default admission plugin ${n} is not registered`);

/** splitFlag reads a comma-separated flag value the way pflag's StringSlice does (repeated flags add up). */
export function splitFlag(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** enabledPlugins resolves the flags to the enabled names, in the fixed order, or kube-apiserver's startup error. */
export function enabledPlugins(enable: readonly string[], disable: readonly string[]): { names: string[] } | { error: string } {
  const en = splitFlag(enable);
  const dis = splitFlag(disable);
  const errs: string[] = [];
  for (const n of en) if (!KNOWN.has(n)) errs.push(`enable-admission-plugins plugin "${n}" is unknown`);
  for (const n of dis) if (!KNOWN.has(n)) errs.push(`disable-admission-plugins plugin "${n}" is unknown`);
  const overlap = [...new Set(en.filter((n) => dis.includes(n)))].sort();
  if (overlap.length) errs.push(`[${overlap.join(' ')}] in enable-admission-plugins and disable-admission-plugins overlapped`);
  if (errs.length) return { error: errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]` };
  const on = new Set([...DEFAULT_ENABLED, ...en]);
  for (const n of dis) on.delete(n);
  return { names: PLUGINS.map(([n]) => n).filter((n) => on.has(n)) };
}

/**
 * admissionChainFromFlags builds the chain for --enable-admission-plugins and
 * --disable-admission-plugins (each given as the flag values, comma lists
 * allowed). A bad name returns the error text kube-apiserver exits with
 * ("Error: enable-admission-plugins plugin \"Foo\" is unknown"), so the static
 * pod can crash-loop the way the real one does.
 */
export function admissionChainFromFlags(enable: readonly string[], disable: readonly string[], deps: AdmissionDeps): { chain: AdmissionChain; names: string[] } | { error: string } {
  const r = enabledPlugins(enable, disable);
  if ('error' in r) return r;
  const byName = new Map(PLUGINS);
  const plugins = r.names.map((n) => byName.get(n)!(deps)).filter((p): p is AdmissionPlugin => p !== undefined);
  return { chain: new AdmissionChain(plugins), names: r.names };
}
