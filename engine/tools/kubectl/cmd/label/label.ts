import type { RunContext } from '../../cli/command.ts';
import { RECORD_FLAG } from '../../cli/record.ts';
import { commandFromHelp } from '../create/help.ts';
import { runMetadataMap } from './metadata-map.ts';

/** labelCommand is `kubectl label`. */
export const labelCommand = commandFromHelp('label', {
  run: (c: RunContext) => runMetadataMap(c, 'labels'),
  hiddenFlags: [RECORD_FLAG],
  group: 'Settings Commands',
  short: 'Update the labels on a resource',
});
