/**
 * DEFAULT_LAB is the lab definition shipped with the project (kept as text so
 * the engine reads it the same way it reads a user's --lab FILE).
 */
export const DEFAULT_LAB = `# The default lab: one kubeadm cluster of three machines, one version behind the
# newest the lab offers (so the upgrade exercise always works), reached from the
# student's terminal host. Every field is documented in docs/labs.md.
apiVersion: kubelab.dev/v1
kind: Lab
metadata:
  name: default
spec:
  student:
    host: terminal
    ip: 192.168.100.5
    user: candidate
  clusters:
  - name: kubernetes
    context: kubernetes-admin@kubernetes
    version: 1.34.3
    podSubnet: 10.244.0.0/16
    serviceSubnet: 10.96.0.0/12
    machines:
    - name: controlplane
      role: control-plane
      ip: 192.168.100.10
    - name: node01
      role: worker
      ip: 192.168.100.11
    - name: node02
      role: worker
      ip: 192.168.100.12
    cni: calico
    addons:
    - name: metrics-server
    - name: local-path-provisioner
    - name: ingress-nginx
      nodePort: 30080
    - name: nginx-gateway-fabric
      nodePort: 31080
      httpsNodePort: 31443
`;
