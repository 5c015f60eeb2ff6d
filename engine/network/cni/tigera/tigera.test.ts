import { describe, expect, it } from 'vitest';
import { initialisedControlPlane } from '../../testing/bare-lab.ts';

const OPERATOR = 'https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/tigera-operator.yaml';
const CUSTOM = 'https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/custom-resources.yaml';

describe('Calico through the tigera operator', () => {
  it('installs from tigera-operator.yaml and custom-resources.yaml once the pool is the cluster pod network', async () => {
    const run = await initialisedControlPlane('10.244.0.0/16');
    // The Installation CRD is larger than the last-applied annotation may be: apply refuses it, create does not.
    const applied = await run(`kubectl apply -f ${OPERATOR}`);
    expect(applied.exit).toBe(1);
    expect(applied.text).toContain('The CustomResourceDefinition "installations.operator.tigera.io" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes');
    // Everything but that CRD was applied; create adds it and finds the rest there.
    const created = await run(`kubectl create -f ${OPERATOR}`);
    expect(created.text).toContain('customresourcedefinition.apiextensions.k8s.io/installations.operator.tigera.io created\n');
    expect(created.text).toContain('Error from server (AlreadyExists): error when creating "https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/tigera-operator.yaml": deployments.apps "tigera-operator" already exists');
    await run('sleep 20');
    expect((await run('kubectl -n tigera-operator get pods --no-headers')).text).toMatch(/^tigera-operator-\S+ +1\/1 +Running /);

    // The published example keeps Calico's own pool, outside this cluster's pod network: the operator refuses it.
    expect((await run(`curl -sO ${CUSTOM}`)).exit).toBe(0);
    expect((await run('grep --color=never cidr custom-resources.yaml')).text).toBe('      cidr: 192.168.0.0/16\n');
    expect((await run('kubectl create -f custom-resources.yaml')).text).toBe('installation.operator.tigera.io/default created\napiserver.operator.tigera.io/default created\n');
    await run('sleep 10');
    const degraded = await run('kubectl get tigerastatus calico -o jsonpath=\'{.status.conditions[?(@.type=="Degraded")].message}\'');
    expect(degraded.text).toBe("Error querying installation: Could not resolve CalicoNetwork IPPool and kubeadm configuration: IPPool 192.168.0.0/16 is not within the platform's configured pod network CIDR(s) [10.244.0.0/16]");
    expect((await run('kubectl get ns calico-system')).exit).toBe(1);
    expect((await run('kubectl -n tigera-operator logs deploy/tigera-operator | grep -c "is not within"')).text).not.toBe('0\n');

    // With the pool inside the pod network, Calico comes up and the node becomes Ready.
    await run('sed -i "s|192.168.0.0/16|10.244.0.0/16|" custom-resources.yaml');
    expect((await run('kubectl replace -f custom-resources.yaml')).exit).toBe(0);
    await run('sleep 60');
    expect((await run('kubectl get nodes --no-headers')).text).toMatch(/^controlplane +Ready /);
    const pods = (await run('kubectl -n calico-system get pods --no-headers')).text;
    for (const name of ['calico-node', 'calico-typha', 'calico-kube-controllers', 'csi-node-driver']) expect(pods).toMatch(new RegExp(`^${name}-\\S+ +(\\d)/\\1 +Running `, 'm'));
    expect((await run('kubectl get ippools.crd.projectcalico.org default-ipv4-ippool -o jsonpath={.spec.cidr},{.spec.vxlanMode}')).text).toBe('10.244.0.0/16,CrossSubnet');
    expect((await run('cat /etc/cni/net.d/10-calico.conflist')).text).toContain('"mtu": 1450');
    expect((await run('kubectl -n kube-system get deploy coredns --no-headers')).text).toMatch(/^coredns +2\/2 /);
    const status = (await run('kubectl get tigerastatus')).text;
    expect(status).toMatch(/^NAME +AVAILABLE +PROGRESSING +DEGRADED +SINCE\n/);
    expect(status).toMatch(/^calico +True +False +False +\d+s\n/m);
    expect(status).toMatch(/^ippools +True +False +False +\d+s\n/m);
    expect((await run('kubectl get installation default -o jsonpath={.status.calicoVersion}')).text).toBe('v3.28.2');
  });
});
