import type { Runtime } from '../base/runtime.ts';
import type { Registry } from '../api/registry.ts';
import type { KV } from '../store/types.ts';
import { clientCertVerifier, parsePublicKeyPem, ServiceAccountTokenVerifier, type RsaPublicKey } from '../pki/index.ts';
import { admissionChainFromFlags } from './admission/registry.ts';
import { bootstrapTokenAuthenticator } from './authn/bootstrap-token.ts';
import { LAST_USED_LABEL, serviceAccountTokenAuthenticator } from './authn/service-account-token.ts';
import { parseTokenFile, tokenFileAuthenticator } from './authn/token-file.ts';
import type { Authenticator } from './authn/types.ts';
import { x509Authenticator } from './authn/x509.ts';
import { authorizersFromModes } from './authz/modes.ts';
import { storageNodeGraph, storageRbacSource } from './authz/storage-source.ts';
import type { Attributes } from './authz/types.ts';
import type { RestHooks, ServerContext } from './context.ts';
import type { VersionInfo } from './handlers/nonresource.ts';
import { ApiServer } from './server.ts';
import { tokenRequestConnector, type TokenIssuerSettings } from './handlers/token-request.ts';
import type { Storage } from './storage/storage.ts';
import { revisionOf, updateObject } from './storage/writes.ts';
import type { KObject } from '../api/types.ts';

/** ApiServerSettings are kube-apiserver's flags that shape the pipeline, already read from files. */
export interface ApiServerSettings {
  clientCaPem: string;
  /** --service-account-key-file contents (PEM public keys) */
  serviceAccountKeyPems: string[];
  /** --service-account-signing-key-file contents, --service-account-issuer and --service-account-max-token-expiration: TokenRequest is served when set */
  tokenIssuer?: TokenIssuerSettings;
  /** --token-auth-file path and contents, when given */
  tokenAuthFile?: { path: string; text: string };
  enableBootstrapTokenAuth: boolean;
  authorizationMode: string;
  enableAdmissionPlugins: string[];
  disableAdmissionPlugins: string[];
  serviceCidr: string;
  nodePortRange: [number, number];
  advertiseAddress: string;
  anonymousAuth: boolean;
}

/** AssembleDeps are what the process around the apiserver provides. */
export interface AssembleDeps {
  runtime: Runtime;
  kv: KV;
  registry: Registry;
  version: VersionInfo;
  hooks?: Record<string, RestHooks>;
  connectors?: ServerContext['connectors'];
  healthChecks?: { name: string; check: () => string | undefined }[];
}

/**
 * assembleApiServer builds a kube-apiserver from its settings: the
 * authenticators (x509, token file, bootstrap tokens, ServiceAccount tokens),
 * the authorizers of --authorization-mode, and the admission plugins of
 * --enable/--disable-admission-plugins. Bad settings return the startup error
 * text the real kube-apiserver prints before it exits.
 */
export function assembleApiServer(s: ApiServerSettings, d: AssembleDeps): { server: ApiServer } | { error: string } {
  let authorize: (a: Attributes) => { allowed: boolean; reason: string } = () => ({ allowed: false, reason: '' });
  const admission = admissionChainFromFlags(s.enableAdmissionPlugins, s.disableAdmissionPlugins, { authorize: (a) => authorize(a) });
  if ('error' in admission) return { error: admission.error };
  let tokenFile: Authenticator | undefined;
  if (s.tokenAuthFile) {
    const parsed = parseTokenFile(s.tokenAuthFile.path, s.tokenAuthFile.text);
    if ('error' in parsed) return { error: parsed.error };
    tokenFile = tokenFileAuthenticator(parsed.tokens);
  }
  const saKeys: RsaPublicKey[] = [];
  for (const pem of s.serviceAccountKeyPems) {
    try {
      const k = parsePublicKeyPem(pem);
      if ('n' in k) saKeys.push(k as RsaPublicKey);
    } catch {
      return { error: `failed to parse service-account-issuer-key-file: data does not contain any valid RSA or ECDSA public keys` };
    }
  }
  let modeError: string | undefined;
  const server = new ApiServer({
    runtime: d.runtime,
    kv: d.kv,
    registry: d.registry,
    authenticators: (storage: Storage) => {
      const list: Authenticator[] = [x509Authenticator(clientCertVerifier(s.clientCaPem))];
      if (tokenFile) list.push(tokenFile);
      if (s.enableBootstrapTokenAuth) list.push(bootstrapTokenAuthenticator((ns, name) => storage.storeFor('', 'secrets')?.get(ns, name)));
      if (saKeys.length) {
        list.push(
          serviceAccountTokenAuthenticator(new ServiceAccountTokenVerifier(saKeys), {
            serviceAccount: (ns, name) => storage.storeFor('', 'serviceaccounts')?.get(ns, name),
            pod: (ns, name) => storage.storeFor('', 'pods')?.get(ns, name),
            secret: (ns, name) => storage.storeFor('', 'secrets')?.get(ns, name),
            node: (name) => storage.storeFor('', 'nodes')?.get(undefined, name),
            markLegacyTokenUsed: (secret, today) => markLegacyTokenUsed(storage, secret, today),
          }),
        );
      }
      return list;
    },
    authorizers: (storage) => {
      const r = authorizersFromModes(s.authorizationMode, { rbac: storageRbacSource(storage), nodeGraph: storageNodeGraph(storage) });
      if ('error' in r) {
        modeError = r.error;
        return [];
      }
      return r.authorizers;
    },
    admission: admission.chain,
    hooks: d.hooks,
    connectors: s.tokenIssuer ? { 'serviceaccounts/token': tokenRequestConnector(s.tokenIssuer), ...d.connectors } : d.connectors,
    serviceCidr: s.serviceCidr,
    nodePortRange: s.nodePortRange,
    advertiseAddress: s.advertiseAddress,
    version: d.version,
    anonymousAuth: s.anonymousAuth,
    healthChecks: d.healthChecks,
  });
  if (modeError) {
    server.stop();
    return { error: modeError };
  }
  authorize = (a) => server.ctx.authorize(a);
  return { server };
}

/**
 * markLegacyTokenUsed is the legacy token tracker's patch: the Secret gets
 * kubernetes.io/legacy-token-last-used=<day>. A patch that fails (the Secret
 * changed meanwhile) is logged by the apiserver and dropped; so here.
 */
function markLegacyTokenUsed(storage: Storage, secret: KObject, today: string): void {
  const store = storage.storeFor('', 'secrets');
  if (!store) return;
  const labelled = { ...secret, metadata: { ...secret.metadata, labels: { ...secret.metadata.labels, [LAST_USED_LABEL]: today } } };
  try {
    updateObject(storage.etcd, store, labelled, revisionOf(secret));
  } catch {
    // dropped, as the apiserver drops a failed tracking patch
  }
}
