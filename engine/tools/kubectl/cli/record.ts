import type { KObject } from '../../../api/types.ts';
import type { ResourceRef } from '../../../client/client.ts';
import type { RunContext } from './command.ts';
import type { FlagDef } from './flags.ts';

/**
 * `--record`, deprecated but still accepted by kubectl 1.33 on the commands
 * that change an object (CKA material still types it): the flag is hidden
 * from --help, setting it prints pflag's deprecation notice, and with
 * --record=true the object carries the command line in
 * kubernetes.io/change-cause, which `rollout history` shows as CHANGE-CAUSE.
 */

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** RECORD_FLAG is cli-runtime's RecordFlags flag. */
export const RECORD_FLAG: FlagDef = {
  name: 'record',
  type: 'bool',
  usage:
    'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
  deprecated: '--record will be removed in the future',
  hidden: true,
};

/** deprecationNotice is what pflag prints on stderr when a deprecated flag is set. */
export function deprecationNotice(def: FlagDef): string {
  return `Flag --${def.name} has been deprecated, ${def.deprecated}\n`;
}

/** recording tells whether the command was asked to record itself (--record, --record=true). */
export function recording(c: RunContext): boolean {
  return c.flags.values.get('record') === true;
}

/** recordChangeCause is ChangeCauseRecorder.Record: the object with the command line in its change-cause annotation, when recording. */
export function recordChangeCause<T extends KObject>(c: RunContext, obj: T): T {
  if (!recording(c)) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: c.changeCause() } } };
}

/**
 * recordPatch is how scale and patch record: after their change, a second
 * merge patch (MakeRecordMergePatch) with the change-cause, sent without a
 * dry run and whose failure is only logged. It returns the recorded object.
 */
export function recordPatch(c: RunContext, ref: ResourceRef, obj: KObject): KObject | undefined {
  if (!recording(c)) return undefined;
  const cause = c.changeCause();
  const patch = obj.metadata.annotations?.[CHANGE_CAUSE] === cause ? {} : { metadata: { annotations: { [CHANGE_CAUSE]: cause } } };
  try {
    return c.f.client().patch(ref, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', patch);
  } catch {
    return undefined;
  }
}
