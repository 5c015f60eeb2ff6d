import type { ResourceDef } from '../types.ts';
import { customResourceDefinitionDef } from './apiextensions/customresourcedefinition.ts';
import { mutatingWebhookConfigurationDef } from './admissionregistration/mutatingwebhookconfiguration.ts';
import { validatingAdmissionPolicyDef } from './admissionregistration/validatingadmissionpolicy.ts';
import { validatingAdmissionPolicyBindingDef } from './admissionregistration/validatingadmissionpolicybinding.ts';
import { validatingWebhookConfigurationDef } from './admissionregistration/validatingwebhookconfiguration.ts';
import { apiServiceDef } from './apiregistration/apiservice.ts';
import { controllerRevisionDef } from './apps/controllerrevision.ts';
import { daemonSetDef } from './apps/daemonset.ts';
import { deploymentDef } from './apps/deployment.ts';
import { replicaSetDef } from './apps/replicaset.ts';
import { statefulSetDef } from './apps/statefulset.ts';
import { selfSubjectReviewDef } from './authentication/selfsubjectreview.ts';
import { tokenReviewDef } from './authentication/tokenreview.ts';
import { localSubjectAccessReviewDef } from './authorization/localsubjectaccessreview.ts';
import { selfSubjectAccessReviewDef } from './authorization/selfsubjectaccessreview.ts';
import { selfSubjectRulesReviewDef } from './authorization/selfsubjectrulesreview.ts';
import { subjectAccessReviewDef } from './authorization/subjectaccessreview.ts';
import { hpaV1Def, hpaV2Def } from './autoscaling/horizontalpodautoscaler.ts';
import { cronJobDef } from './batch/cronjob.ts';
import { jobDef } from './batch/job.ts';
import { certificateSigningRequestDef } from './certificates/certificatesigningrequest.ts';
import { leaseDef } from './coordination/lease.ts';
import { bindingDef } from './core/binding.ts';
import { componentStatusDef } from './core/componentstatus.ts';
import { configMapDef } from './core/configmap.ts';
import { endpointsDef } from './core/endpoints.ts';
import { eventDef } from './core/event.ts';
import { limitRangeDef } from './core/limitrange.ts';
import { namespaceDef } from './core/namespace.ts';
import { nodeDef } from './core/node.ts';
import { persistentVolumeDef } from './core/persistentvolume.ts';
import { persistentVolumeClaimDef } from './core/persistentvolumeclaim.ts';
import { podDef } from './core/pod.ts';
import { podTemplateDef } from './core/podtemplate.ts';
import { replicationControllerDef } from './core/replicationcontroller.ts';
import { resourceQuotaDef } from './core/resourcequota.ts';
import { secretDef } from './core/secret.ts';
import { serviceAccountDef } from './core/serviceaccount.ts';
import { serviceDef } from './core/service.ts';
import { endpointSliceDef } from './discovery/endpointslice.ts';
import { eventsV1Def } from './events/event.ts';
import { flowSchemaDef } from './flowcontrol/flowschema.ts';
import { priorityLevelConfigurationDef } from './flowcontrol/prioritylevelconfiguration.ts';
import { gatewayDef } from './gateway/gateway.ts';
import { gatewayClassDef } from './gateway/gatewayclass.ts';
import { grpcRouteDef } from './gateway/grpcroute.ts';
import { httpRouteDef } from './gateway/httproute.ts';
import { referenceGrantDef } from './gateway/referencegrant.ts';
import { ingressDef } from './networking/ingress.ts';
import { ingressClassDef } from './networking/ingressclass.ts';
import { networkPolicyDef } from './networking/networkpolicy.ts';
import { runtimeClassDef } from './node/runtimeclass.ts';
import { podDisruptionBudgetDef } from './policy/poddisruptionbudget.ts';
import { clusterRoleDef } from './rbac/clusterrole.ts';
import { clusterRoleBindingDef } from './rbac/clusterrolebinding.ts';
import { roleDef } from './rbac/role.ts';
import { roleBindingDef } from './rbac/rolebinding.ts';
import { priorityClassDef } from './scheduling/priorityclass.ts';
import { csiDriverDef } from './storage/csidriver.ts';
import { csiNodeDef } from './storage/csinode.ts';
import { csiStorageCapacityDef } from './storage/csistoragecapacity.ts';
import { storageClassDef } from './storage/storageclass.ts';
import { volumeAttachmentDef } from './storage/volumeattachment.ts';

/**
 * BUILTIN_RESOURCES is every kind a fresh cluster serves: core/v1 first, then
 * the groups in the apiserver's priority order (the order of /apis), each
 * group's resources alphabetically as /apis/<group>/<version> lists them.
 */
export const BUILTIN_RESOURCES: ResourceDef[] = [
  // v1
  bindingDef, componentStatusDef, configMapDef, endpointsDef, eventDef, limitRangeDef, namespaceDef, nodeDef,
  persistentVolumeClaimDef, persistentVolumeDef, podDef, podTemplateDef, replicationControllerDef, resourceQuotaDef,
  secretDef, serviceAccountDef, serviceDef,
  // apiregistration.k8s.io
  apiServiceDef,
  // apps
  controllerRevisionDef, daemonSetDef, deploymentDef, replicaSetDef, statefulSetDef,
  // events.k8s.io
  eventsV1Def,
  // authentication.k8s.io
  selfSubjectReviewDef, tokenReviewDef,
  // authorization.k8s.io
  localSubjectAccessReviewDef, selfSubjectAccessReviewDef, selfSubjectRulesReviewDef, subjectAccessReviewDef,
  // autoscaling (v2 preferred, v1 still served)
  hpaV2Def, hpaV1Def,
  // batch
  cronJobDef, jobDef,
  // certificates.k8s.io
  certificateSigningRequestDef,
  // networking.k8s.io
  ingressClassDef, ingressDef, networkPolicyDef,
  // policy
  podDisruptionBudgetDef,
  // rbac.authorization.k8s.io
  clusterRoleBindingDef, clusterRoleDef, roleBindingDef, roleDef,
  // storage.k8s.io
  csiDriverDef, csiNodeDef, csiStorageCapacityDef, storageClassDef, volumeAttachmentDef,
  // admissionregistration.k8s.io
  mutatingWebhookConfigurationDef, validatingAdmissionPolicyDef, validatingAdmissionPolicyBindingDef, validatingWebhookConfigurationDef,
  // apiextensions.k8s.io
  customResourceDefinitionDef,
  // scheduling.k8s.io
  priorityClassDef,
  // coordination.k8s.io
  leaseDef,
  // node.k8s.io
  runtimeClassDef,
  // discovery.k8s.io
  endpointSliceDef,
  // flowcontrol.apiserver.k8s.io
  flowSchemaDef, priorityLevelConfigurationDef,
];

/**
 * GATEWAY_API_RESOURCES are the Gateway API kinds (custom: true). A real
 * cluster gets them from CRDs an add-on installs; the cluster registers these
 * rows when that add-on is installed.
 */
export const GATEWAY_API_RESOURCES: ResourceDef[] = [gatewayClassDef, gatewayDef, grpcRouteDef, httpRouteDef, referenceGrantDef];
