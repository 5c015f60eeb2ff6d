import type { KObject } from '../../api/types.ts';
import { INGRESS_NGINX_IMAGE, INGRESS_NGINX_VERSION } from './image.ts';

/** CONTROLLER_SELECTOR labels the controller's pods; its Service selects them. */
export const CONTROLLER_SELECTOR = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
const LABELS = { ...CONTROLLER_SELECTOR, 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': INGRESS_NGINX_VERSION.slice(1) };
const NS = 'ingress-nginx';

/**
 * ingressNginxObjects are the objects the bare-metal deploy.yaml of
 * ingress-nginx creates that the lab's controller needs: its namespace,
 * ServiceAccount, IngressClass "nginx", the NodePort Service and the
 * controller Deployment (the admission webhook is left out).
 */
export function ingressNginxObjects(httpNodePort: number, httpsNodePort: number): { kind: string; obj: KObject }[] {
  const meta = (name: string, labels: Record<string, string> = LABELS) => ({ name, namespace: NS, labels });
  return [
    { kind: 'Namespace', obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } } },
    { kind: 'ServiceAccount', obj: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ingress-nginx'), automountServiceAccountToken: true } as KObject },
    { kind: 'IngressClass', obj: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', labels: LABELS }, spec: { controller: 'k8s.io/ingress-nginx' } } as KObject },
    {
      kind: 'Service',
      obj: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('ingress-nginx-controller'),
        spec: {
          type: 'NodePort',
          ipFamilyPolicy: 'SingleStack',
          ipFamilies: ['IPv4'],
          selector: CONTROLLER_SELECTOR,
          ports: [
            { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', nodePort: httpNodePort },
            { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: httpsNodePort },
          ],
        },
      } as KObject,
    },
    {
      kind: 'Deployment',
      obj: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('ingress-nginx-controller'),
        spec: {
          minReadySeconds: 0,
          revisionHistoryLimit: 10,
          selector: { matchLabels: CONTROLLER_SELECTOR },
          strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
          template: {
            metadata: { labels: LABELS },
            spec: {
              containers: [
                {
                  name: 'controller',
                  image: INGRESS_NGINX_IMAGE,
                  imagePullPolicy: 'IfNotPresent',
                  args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller'],
                  env: [
                    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                    { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
                  ],
                  livenessProbe: { failureThreshold: 5, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                  readinessProbe: { failureThreshold: 3, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                  ports: [
                    { containerPort: 80, name: 'http', protocol: 'TCP' },
                    { containerPort: 443, name: 'https', protocol: 'TCP' },
                  ],
                  resources: { requests: { cpu: '100m', memory: '90Mi' } },
                  securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: false, runAsGroup: 82, runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' } },
                },
              ],
              dnsPolicy: 'ClusterFirst',
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              serviceAccountName: 'ingress-nginx',
              terminationGracePeriodSeconds: 300,
            },
          },
        },
      } as KObject,
    },
  ];
}
