import type { PluginFactory } from '../framework/interfaces.ts';
import { defaultBinder } from './default-binder/default-binder.ts';
import { defaultPreemption } from './default-preemption/default-preemption.ts';
import { imageLocality } from './image-locality/image-locality.ts';
import { interPodAffinity } from './inter-pod-affinity/inter-pod-affinity.ts';
import { Names } from './names.ts';
import { nodeAffinity } from './node-affinity/node-affinity.ts';
import { nodeName } from './node-name/node-name.ts';
import { nodePorts } from './node-ports/node-ports.ts';
import { balancedAllocation } from './node-resources/balanced-allocation.ts';
import { nodeResourcesFit } from './node-resources/fit.ts';
import { nodeUnschedulable } from './node-unschedulable/node-unschedulable.ts';
import { nodeVolumeLimits } from './node-volume-limits/csi.ts';
import { podTopologySpread } from './pod-topology-spread/pod-topology-spread.ts';
import { prioritySort } from './queue-sort/priority-sort.ts';
import { schedulingGates } from './scheduling-gates/scheduling-gates.ts';
import { taintToleration } from './taint-toleration/taint-toleration.ts';
import { volumeBinding } from './volume-binding/volume-binding.ts';
import { volumeRestrictions } from './volume-restrictions/volume-restrictions.ts';
import { volumeZone } from './volume-zone/volume-zone.ts';

/**
 * IN_TREE_PLUGINS is the in-tree registry (plugins/registry.go's
 * NewInTreeRegistry) as a literal table: plugin name → factory. Profiles
 * may only name plugins listed here.
 */
export const IN_TREE_PLUGINS: Readonly<Record<string, PluginFactory>> = Object.freeze({
  [Names.SchedulingGates]: schedulingGates,
  [Names.PrioritySort]: prioritySort,
  [Names.NodeUnschedulable]: nodeUnschedulable,
  [Names.NodeName]: nodeName,
  [Names.TaintToleration]: taintToleration,
  [Names.NodeAffinity]: nodeAffinity,
  [Names.NodePorts]: nodePorts,
  [Names.NodeResourcesFit]: nodeResourcesFit,
  [Names.VolumeRestrictions]: volumeRestrictions,
  [Names.NodeVolumeLimits]: nodeVolumeLimits,
  [Names.VolumeBinding]: volumeBinding,
  [Names.VolumeZone]: volumeZone,
  [Names.PodTopologySpread]: podTopologySpread,
  [Names.InterPodAffinity]: interPodAffinity,
  [Names.DefaultPreemption]: defaultPreemption,
  [Names.NodeResourcesBalancedAllocation]: balancedAllocation,
  [Names.ImageLocality]: imageLocality,
  [Names.DefaultBinder]: defaultBinder,
});
