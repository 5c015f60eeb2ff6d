import { UsageError, type RunContext } from '../../cli/command.ts';

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * cascadeOf is GetCascadingStrategy: --cascade names the propagation policy
 * (background, foreground, orphan); the old boolean values still work with
 * a warning (true is background, false is orphan).
 */
export function cascadeOf(c: RunContext): 'Background' | 'Foreground' | 'Orphan' {
  const v = c.flag<string>('cascade');
  if (TRUE.includes(v)) {
    c.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=background.\n`);
    return 'Background';
  }
  if (FALSE.includes(v)) {
    c.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`);
    return 'Orphan';
  }
  if (v === 'background') return 'Background';
  if (v === 'foreground') return 'Foreground';
  if (v === 'orphan') return 'Orphan';
  throw new UsageError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`, 'none');
}
