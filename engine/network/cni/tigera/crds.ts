import { structuralSchema } from './structural-schema.ts';

type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}): Schema => ({ description, type: 'string', ...extra });
const int = (description: string): Schema => ({ description, type: 'integer', format: 'int32' });
const obj = (description: string, properties: Schema, extra: Schema = {}): Schema => ({ description, type: 'object', properties, ...extra });
const list = (description: string, items: Schema): Schema => ({ description, type: 'array', items });
const core = (component: string, description: string): Schema => ({ ...structuralSchema(component), description });
const stringMap = (description: string): Schema => ({ description, type: 'object', additionalProperties: { type: 'string' } });

/** containerOverrides is a component's containers as the Installation lets them be changed (name and resources). */
function containerOverrides(what: string): Schema {
  return list(`${what} is a list of ${what.toLowerCase()} containers. If specified, this overrides the specified containers. If omitted, the default will be used.`, {
    type: 'object',
    required: ['name'],
    properties: {
      name: str('Name is an enum which identifies the container by name.'),
      resources: core('io.k8s.api.core.v1.ResourceRequirements', 'Resources allows customization of limits and requests for compute resources such as cpu and memory. If specified, this overrides the named container\'s resources. If omitted, the default resources are used.'),
    },
  });
}

/** componentOverride is how an Installation customizes one of the operator's Deployments or DaemonSets. */
function componentOverride(component: string, kind: 'Deployment' | 'DaemonSet'): Schema {
  const podSpec = obj(`Spec is the ${component} ${kind}'s PodSpec.`, {
    affinity: core('io.k8s.api.core.v1.Affinity', `Affinity is a group of affinity scheduling rules for the ${component} pods. If specified, this overrides any affinity that may be set on the ${component} ${kind}. If omitted, the ${component} ${kind} will use its default value for affinity. WARNING: Please note that this field will override the default ${component} ${kind} affinity.`),
    containers: containerOverrides('Containers'),
    initContainers: containerOverrides('InitContainers'),
    nodeSelector: stringMap(`NodeSelector is the ${component} pod's scheduling constraints. If specified, each of the key/value pairs are added to the ${component} ${kind} nodeSelector provided the key does not already exist in the object's nodeSelector. If omitted, the ${component} ${kind} will use its default value for nodeSelector. WARNING: Please note that this field will modify the default ${component} ${kind} nodeSelector.`),
    priorityClassName: str('PriorityClassName allows to specify a PriorityClass resource to be used.'),
    terminationGracePeriodSeconds: { description: 'Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead.', type: 'integer', format: 'int64' },
    tolerations: list(`Tolerations is the ${component} pod's tolerations. If specified, this overrides any tolerations that may be set on the ${component} ${kind}. If omitted, the ${component} ${kind} will use its default value for tolerations. WARNING: Please note that this field will override the default ${component} ${kind} tolerations.`, structuralSchema('io.k8s.api.core.v1.Toleration')),
    topologySpreadConstraints: list('TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed.', structuralSchema('io.k8s.api.core.v1.TopologySpreadConstraint')),
  });
  const meta = obj(`Metadata is a subset of a Kubernetes object's metadata that is added to the ${kind}.`, {
    annotations: stringMap('Annotations is a map of arbitrary non-identifying metadata. Each of these key/value pairs are added to the object\'s annotations provided the key does not already exist in the object\'s annotations.'),
    labels: stringMap('Labels is a map of string keys and values that may match replicaset and service selectors. Each of these key/value pairs are added to the object\'s labels provided the key does not already exist in the object\'s labels.'),
  });
  return obj(`${kind} configures the ${component} ${kind}. If used in conjunction with the deprecated ComponentResources, then these overrides take precedence.`, {
    metadata: meta,
    spec: obj(`Spec is the specification of the ${component} ${kind}.`, {
      minReadySeconds: int(`MinReadySeconds is the minimum number of seconds for which a newly created ${kind} pod should be ready without any of its container crashing, for it to be considered available. If specified, this overrides any minReadySeconds value that may be set on the ${component} ${kind}. If omitted, the ${component} ${kind} will use its default value for minReadySeconds.`),
      template: obj(`Template describes the ${component} ${kind} pod that will be created.`, { metadata: meta, spec: podSpec }),
      ...(kind === 'Deployment' ? { strategy: core('io.k8s.api.apps.v1.DeploymentStrategy', 'The deployment strategy to use to replace existing pods with new ones.') } : {}),
    }),
  });
}

/** installationSpec is operator.tigera.io/v1 InstallationSpec (the fields a Calico install uses). */
function installationSpec(): Schema {
  const ipPool = {
    type: 'object',
    required: ['cidr'],
    properties: {
      allowedUses: list('AllowedUse controls what the IP pool will be used for.  If not specified or empty, defaults to ["Tunnel", "Workload"] for back-compatibility', { type: 'string' }),
      blockSize: int('BlockSize specifies the CIDR prefex length to use when allocating per-node IP blocks from the main IP pool CIDR. Default: 26 (IPv4), 122 (IPv6)'),
      cidr: str('CIDR contains the address range for the IP Pool in classless inter-domain routing format.'),
      disableBGPExport: { description: 'DisableBGPExport specifies whether routes from this IP pool\'s CIDR are exported over BGP. Default: false', type: 'boolean' },
      disableNewAllocations: { description: 'DisableNewAllocations specifies whether or not new IP allocations are allowed from this pool. This is useful when you want to prevent new pods from receiving IP addresses from this pool, without impacting any existing pods that have already been assigned addresses from this pool.', type: 'boolean' },
      encapsulation: str('Encapsulation specifies the encapsulation type that will be used with the IP Pool. Default: IPIP', { enum: ['IPIPCrossSubnet', 'IPIP', 'VXLAN', 'VXLANCrossSubnet', 'None'] }),
      name: str('Name is the name of the IP pool. If omitted, this will be generated.'),
      natOutgoing: str('NATOutgoing specifies if NAT will be enabled or disabled for outgoing traffic. Default: Enabled', { enum: ['Enabled', 'Disabled'] }),
      nodeSelector: str('NodeSelector specifies the node selector that will be set for the IP Pool. Default: \'all()\''),
    },
  };
  return obj('Specification of the desired state for the Calico or Calico Enterprise installation.', {
    calicoKubeControllersDeployment: componentOverride('calico-kube-controllers', 'Deployment'),
    calicoNetwork: obj('CalicoNetwork specifies networking configuration options for Calico.', {
      bgp: str('BGP configures whether or not to enable Calico\'s BGP capabilities.', { enum: ['Enabled', 'Disabled'] }),
      containerIPForwarding: str('ContainerIPForwarding configures whether ip forwarding will be enabled for containers in the CNI configuration. Default: Disabled', { enum: ['Enabled', 'Disabled'] }),
      hostPorts: str('HostPorts configures whether or not Calico will support Kubernetes HostPorts. Valid only when using the Calico CNI plugin. Default: Enabled', { enum: ['Enabled', 'Disabled'] }),
      ipPools: list('IPPools contains a list of IP pools to manage. If nil, a single IPv4 IP pool will be created by the operator. If an empty list is provided, the operator will not create any IP pools and will instead wait for IP pools to be created out-of-band. IP pools in this list will be reconciled by the operator and should not be modified out-of-band.', ipPool),
      linuxDataplane: str('LinuxDataplane is used to select the dataplane used for Linux nodes. In particular, it causes the operator to add required mounts and environment variables for the particular dataplane. If not specified, iptables mode is used. Default: Iptables', { enum: ['Iptables', 'BPF', 'VPP', 'Nftables'] }),
      mtu: int('MTU specifies the maximum transmission unit to use on the pod network. If not specified, Calico will perform MTU auto-detection based on the cluster network.'),
      nodeAddressAutodetectionV4: obj('NodeAddressAutodetectionV4 specifies an approach to automatically detect node IPv4 addresses. If not specified, will use default auto-detection settings to acquire an IPv4 address for each node.', {
        canReach: str('CanReach enables IP auto-detection based on which source address on the node is used to reach the specified IP or domain.'),
        cidrs: list('CIDRS enables IP auto-detection based on which addresses on the nodes are within one of the provided CIDRs.', { type: 'string' }),
        firstFound: { description: 'FirstFound uses default interface matching parameters to select an interface, performing best-effort filtering based on well-known interface names.', type: 'boolean' },
        interface: str('Interface enables IP auto-detection based on interfaces that match the given regex.'),
        kubernetes: str('Kubernetes configures Calico to detect node addresses based on the Kubernetes API.', { enum: ['NodeInternalIP'] }),
        skipInterface: str('SkipInterface enables IP auto-detection based on interfaces that do not match the given regex.'),
      }),
    }),
    calicoNodeDaemonSet: componentOverride('calico-node', 'DaemonSet'),
    calicoNodeWindowsDaemonSet: componentOverride('calico-node-windows', 'DaemonSet'),
    calicoWindowsUpgradeDaemonSet: componentOverride('calico-windows-upgrade', 'DaemonSet'),
    cni: obj('CNI specifies the CNI that will be used by this installation.', {
      ipam: obj('IPAM specifies the pod IP address management that will be used in the Calico or Calico Enterprise installation.', { type: str('Specifies the IPAM plugin that will be used in the Calico or Calico Enterprise installation. * For CNI Plugin Calico, this field defaults to Calico. * For CNI Plugin GKE, this field defaults to HostLocal. * For CNI Plugin AzureVNET, this field defaults to AzureVNET. * For CNI Plugin AmazonVPC, this field defaults to AmazonVPC.', { enum: ['Calico', 'HostLocal', 'AmazonVPC', 'AzureVNET'] }) }, { required: ['type'] }),
      type: str('Specifies the CNI plugin that will be used in the Calico or Calico Enterprise installation. * For KubernetesProvider GKE, this field defaults to GKE. * For KubernetesProvider AKS, this field defaults to AzureVNET. * For KubernetesProvider EKS, this field defaults to AmazonVPC. * If aws-node daemonset exists in kube-system when the Installation resource is created, this field defaults to AmazonVPC. * For all other cases this field defaults to Calico.', { enum: ['Calico', 'GKE', 'AmazonVPC', 'AzureVNET'] }),
    }, { required: ['type'] }),
    componentResources: list('Deprecated. Please use CalicoNodeDaemonSet, TyphaDeployment, and KubeControllersDeployment. ComponentResources can be used to customize the resource requirements for each component. Node, Typha, and KubeControllers are supported for installations.', {
      type: 'object',
      required: ['componentName', 'resourceRequirements'],
      properties: {
        componentName: str('ComponentName is an enum which identifies the component', { enum: ['Node', 'Typha', 'KubeControllers'] }),
        resourceRequirements: core('io.k8s.api.core.v1.ResourceRequirements', 'ResourceRequirements allows customization of limits and requests for compute resources such as cpu and memory.'),
      },
    }),
    controlPlaneNodeSelector: stringMap('ControlPlaneNodeSelector is used to select control plane nodes on which to run Calico components. This is globally applied to all resources created by the operator excluding daemonsets.'),
    controlPlaneReplicas: int('ControlPlaneReplicas defines how many replicas of the control plane core components will be deployed. This field applies to all control plane components that support High Availability. Defaults to 2.'),
    controlPlaneTolerations: list('ControlPlaneTolerations specify tolerations which are then globally applied to all resources created by the operator.', structuralSchema('io.k8s.api.core.v1.Toleration')),
    csiNodeDriverDaemonSet: componentOverride('csi-node-driver', 'DaemonSet'),
    flexVolumePath: str('FlexVolumePath optionally specifies a custom path for FlexVolume. If not specified, FlexVolume will be enabled by default. If set to \'None\', FlexVolume will be disabled. The default is based on the kubernetesProvider.'),
    imagePath: str('ImagePath allows for the path part of an image to be specified. If specified then the specified value will be used as the image path for each image. If not specified or empty, the default for each image will be used. A special case value, UseDefault, is supported to explicitly specify the default image path will be used for each image.'),
    imagePrefix: str('ImagePrefix allows for the prefix part of an image to be specified. If specified then the given value will be used as a prefix on each image. If not specified or empty, no prefix will be used. A special case value, UseDefault, is supported to explicitly specify the default image prefix will be used for each image.'),
    imagePullSecrets: list('ImagePullSecrets is an array of references to container registry pull secrets to use. These are applied to all images to be pulled.', structuralSchema('io.k8s.api.core.v1.LocalObjectReference')),
    kubeletVolumePluginPath: str('KubeletVolumePluginPath optionally specifies enablement of Calico CSI plugin. If not specified, CSI will be enabled by default. If set to \'None\', CSI will be disabled. Default: /var/lib/kubelet'),
    kubernetesProvider: str('KubernetesProvider specifies a particular provider of the Kubernetes platform and enables provider-specific configuration. If the specified value is empty, the Operator will attempt to automatically determine the current provider. If the specified value is not empty, the Operator will still attempt auto-detection, but will additionally compare the auto-detected value to the specified value to confirm they match.', { enum: ['', 'EKS', 'GKE', 'AKS', 'OpenShift', 'DockerEnterprise', 'RKE2', 'TKG', 'Kind'] }),
    nodeMetricsPort: int('NodeMetricsPort specifies which port calico/node serves prometheus metrics on. By default, metrics are not enabled. If specified, this overrides any FelixConfiguration resources which may exist. If omitted, then prometheus metrics may still be configured through FelixConfiguration.'),
    nodeUpdateStrategy: core('io.k8s.api.apps.v1.DaemonSetUpdateStrategy', 'NodeUpdateStrategy can be used to customize the desired update strategy, such as the MaxUnavailable field.'),
    registry: str('Registry is the default Docker registry used for component Docker images. If specified then the given value must end with a slash character (`/`) and all images will be pulled from this registry. If not specified then the default registries will be used. A special case value, UseDefault, is supported to explicitly specify the default registries will be used.'),
    serviceCIDRs: list('Kubernetes Service CIDRs. Specifying this is required when using Calico for Windows.', { type: 'string' }),
    typhaAffinity: obj('Deprecated. Please use Installation.Spec.TyphaDeployment instead. TyphaAffinity allows configuration of node affinity characteristics for Typha pods.', {
      nodeAffinity: core('io.k8s.api.core.v1.NodeAffinity', 'NodeAffinity describes node affinity scheduling rules for typha.'),
    }),
    typhaDeployment: componentOverride('typha', 'Deployment'),
    typhaMetricsPort: int('TyphaMetricsPort specifies which port calico/typha serves prometheus metrics on. By default, metrics are not enabled.'),
    variant: str('Variant is the product to install - one of Calico or TigeraSecureEnterprise Default: Calico', { enum: ['Calico', 'TigeraSecureEnterprise'] }),
  });
}

const conditions = (): Schema => list('Conditions represents the latest observed set of conditions for the component. A component may be one or more of Ready, Progressing, Degraded or other customer types.', structuralSchema('io.k8s.apimachinery.pkg.apis.meta.v1.Condition'));

function installationSchema(): Schema {
  const spec = installationSpec();
  return obj('Installation configures an installation of Calico or Calico Enterprise. At most one instance of this resource is supported. It must be named "default". The Installation API installs core networking and network policy components, and provides general install-time configuration.', {
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'),
    kind: str('Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    metadata: { type: 'object' },
    spec,
    status: obj('Most recently observed state for the Calico or Calico Enterprise installation.', {
      calicoVersion: str('CalicoVersion shows the current running version of calico. CalicoVersion along with Variant is needed to know the exact version deployed.'),
      // The operator records the spec it acted on: the same schema again, which is most of this CRD's size.
      computed: { ...spec, description: 'Computed is the final installation including overlaid resources.' },
      conditions: conditions(),
      imageSet: str('ImageSet is the name of the ImageSet being used, if there is an ImageSet that is being used. If an ImageSet is not being used then this will not be set.'),
      mtu: int('MTU is the most recently observed value for pod network MTU. This may be an explicitly configured value, or based on Calico\'s native auto-detetion.'),
      variant: str('Variant is the most recently observed installed variant - one of Calico or TigeraSecureEnterprise', { enum: ['Calico', 'TigeraSecureEnterprise'] }),
    }),
  });
}

function crd(kind: string, plural: string, schema: Schema, opts: { shortNames?: string[]; statusSubresource?: boolean; printerColumns?: Schema[] } = {}): object {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.3' }, name: `${plural}.operator.tigera.io` },
    spec: {
      group: 'operator.tigera.io',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase(), ...(opts.shortNames ? { shortNames: opts.shortNames } : {}) },
      scope: 'Cluster',
      versions: [{ name: 'v1', served: true, storage: true, ...(opts.printerColumns ? { additionalPrinterColumns: opts.printerColumns } : {}), schema: { openAPIV3Schema: schema }, ...(opts.statusSubresource === false ? {} : { subresources: { status: {} } }) }],
    },
  };
}

const plainKind = (description: string, spec: Schema, status: Schema): Schema =>
  obj(description, { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec, status });

/** operatorCrds are the operator.tigera.io CustomResourceDefinitions of tigera-operator.yaml. */
export function operatorCrds(): object[] {
  return [
    crd('APIServer', 'apiservers', plainKind('APIServer installs the Tigera API server and related resources. At most one instance of this resource is supported. It must be named "default" or "tigera-secure".', obj('Specification of the desired state for the Tigera API server.', { apiServerDeployment: componentOverride('calico-apiserver', 'Deployment') }), obj('Most recently observed status for the Tigera API server.', { conditions: conditions(), state: str('State provides user-readable status.') }))),
    crd('ImageSet', 'imagesets', plainKind('ImageSet is used to specify image digests for the images that the operator deploys. The name of the ImageSet is expected to be in the format `<variant>-<release>`.', obj('ImageSetSpec defines the desired state of ImageSet.', { images: list('Images is the list of images to use digests. All images that the operator will deploy must be specified.', { type: 'object', required: ['digest', 'image'], properties: { digest: str('Digest is the image identifier that will be used for the Image. The field should not include a leading `@` and must be prefixed with `sha256:`.'), image: str('Image is an image that the operator deploys and instead of using the built in tag the operator will use the Digest for the image identifier. The value should be the *original* image name without registry or tag or digest. For the image `docker.io/calico/node:v3.17.1` it should be represented as `calico/node`') } }) }), { type: 'object' }), { statusSubresource: false }),
    crd('Installation', 'installations', installationSchema()),
    crd('TigeraStatus', 'tigerastatuses', plainKind('TigeraStatus represents the most recently observed status for Calico or a Calico Enterprise functional area.', obj('TigeraStatusSpec defines the desired state of TigeraStatus', {}), obj('TigeraStatusStatus defines the observed state of TigeraStatus', { conditions: conditions() })), {
      printerColumns: [
        { description: 'Whether the component running and stable.', jsonPath: '.status.conditions[?(@.type==\'Available\')].status', name: 'Available', type: 'string' },
        { description: 'Whether the component is processing changes.', jsonPath: '.status.conditions[?(@.type==\'Progressing\')].status', name: 'Progressing', type: 'string' },
        { description: 'Whether the component is degraded.', jsonPath: '.status.conditions[?(@.type==\'Degraded\')].status', name: 'Degraded', type: 'string' },
        { description: 'The time the component\'s Available status last changed.', jsonPath: '.status.conditions[?(@.type==\'Available\')].lastTransitionTime', name: 'Since', type: 'date' },
      ],
    }),
  ];
}
