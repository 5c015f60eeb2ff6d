import type { HelpTexts } from '../../cli/command.ts';

/** TOP_HELP are `kubectl top`'s help texts and flags (kubectl 1.34: --show-swap). */
export const TOP_HELP: HelpTexts = {
  short: "Display resource (CPU/memory) usage",
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  use: "top [flags] [options]",
  flags: [
  ],
};
/** TOP_NODE_HELP are `kubectl top node`'s help texts and flags (kubectl 1.34: --show-swap). */
export const TOP_NODE_HELP: HelpTexts = {
  short: "Display resource (CPU/memory) usage of nodes",
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  aliases: ["nodes", "no"],
  example: `  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME`,
  use: "top node [NAME | -l label] [options]",
  flags: [
    { name: "no-headers", type: 'bool', usage: "If present, print output without headers" },
    { name: "selector", short: "l", type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-capacity", type: 'bool', usage: "Print node resources based on Capacity instead of Allocatable(default) of the nodes." },
    { name: "show-swap", type: 'bool', usage: "Print node resources related to swap memory." },
    { name: "sort-by", type: 'string', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: "use-protocol-buffers", type: 'bool', default: true, usage: "Enables using protocol-buffers to access Metrics API." },
  ],
};
/** TOP_POD_HELP are `kubectl top pod`'s help texts and flags (kubectl 1.34: --show-swap). */
export const TOP_POD_HELP: HelpTexts = {
  short: "Display resource (CPU/memory) usage of pods",
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  aliases: ["pods", "po"],
  example: `  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
  use: "top pod [NAME | -l label] [options]",
  flags: [
    { name: "all-namespaces", short: "A", type: 'bool', usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "containers", type: 'bool', usage: "If present, print usage of containers within a pod." },
    { name: "field-selector", type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: "no-headers", type: 'bool', usage: "If present, print output without headers." },
    { name: "selector", short: "l", type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-swap", type: 'bool', usage: "Print pod resources related to swap memory." },
    { name: "sort-by", type: 'string', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: "sum", type: 'bool', usage: "Print the sum of the resource usage" },
    { name: "use-protocol-buffers", type: 'bool', default: true, usage: "Enables using protocol-buffers to access Metrics API." },
  ],
};
