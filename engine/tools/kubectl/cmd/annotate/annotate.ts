import type { RunContext } from '../../cli/command.ts';
import { RECORD_FLAG } from '../../cli/record.ts';
import { commandFromHelp } from '../create/help.ts';
import { runMetadataMap } from '../label/metadata-map.ts';

/** annotateCommand is `kubectl annotate`. */
export const annotateCommand = commandFromHelp('annotate', {
  run: (c: RunContext) => runMetadataMap(c, 'annotations'),
  hiddenFlags: [RECORD_FLAG],
  group: 'Settings Commands',
  short: 'Update the annotations on a resource',
});
