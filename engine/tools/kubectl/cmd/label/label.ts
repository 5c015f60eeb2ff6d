import type { RunContext } from '../../cli/command.ts';
import { commandFromHelp } from '../create/help.ts';
import { runMetadataMap } from './metadata-map.ts';

/** labelCommand is `kubectl label`. */
export const labelCommand = commandFromHelp('label', {
  run: (c: RunContext) => runMetadataMap(c, 'labels'),
  group: 'Settings Commands',
  short: 'Update the labels on a resource',
});
