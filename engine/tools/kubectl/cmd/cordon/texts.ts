import type { HelpTexts } from '../../cli/command.ts';

// The help texts below are kubectl 1.33's, as `kubectl <command> --help` prints them (see testdata of cmd/root).

/** cordonHelp is the help of `kubectl cordon` as kubectl 1.33 prints it. */
export const cordonHelp: HelpTexts = {
  short: 'Mark node as unschedulable',
  long: `Mark node as unschedulable.`,
  example: `  # Mark node "foo" as unschedulable
  kubectl cordon foo`,
  use: 'cordon NODE [options]',
  flags: [
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
  ],
};

/** uncordonHelp is the help of `kubectl uncordon` as kubectl 1.33 prints it. */
export const uncordonHelp: HelpTexts = {
  short: 'Mark node as schedulable',
  long: `Mark node as schedulable.`,
  example: `  # Mark node "foo" as schedulable
  kubectl uncordon foo`,
  use: 'uncordon NODE [options]',
  flags: [
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
  ],
};
