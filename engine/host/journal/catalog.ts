/**
 * The explanations `journalctl -x` prints under systemd's own messages, from
 * systemd's catalog (catalog/systemd.catalog.in), with Ubuntu's Support line.
 * @@UNIT@@ and friends are filled from the entry's fields.
 */

/** MESSAGE_IDS names the catalog entries the lab's systemd writes. */
export const MESSAGE_IDS = {
  unitStarted: '39f53479d3a045ac8e11786248231fbf',
  unitStopped: '9d1aaa27d60140bd96365438aad20286',
  unitFailed: 'be02cf6855d2428ba40df7e9d022f03d',
  unitProcessExit: '98e322203f7a4ed290d09fe03c09fe15',
  unitResult: 'd9b373ed55a64feb8242e02dbe79a49c',
  unitRestartScheduled: '5eb03494b6584870a536b337290809b3',
  unitSuccess: '7ad2d189f7e94e70a38c781354912448',
  unitResources: 'ae8f7b866b0347b9af31fe1c80b127c0',
  unitStopping: 'de5b426a63be47a7b6ac3eaac82e2f6f',
} as const;

const SUPPORT = 'http://www.ubuntu.com/support';

const TEXT: Record<string, { subject: string; body: string }> = {
  [MESSAGE_IDS.unitStarted]: {
    subject: 'A start job for unit @UNIT@ has finished successfully',
    body: 'A start job for unit @UNIT@ has finished successfully.\n\nThe job identifier is @JOB_ID@.',
  },
  [MESSAGE_IDS.unitStopped]: {
    subject: 'A stop job for unit @UNIT@ has finished',
    body: 'A stop job for unit @UNIT@ has finished.\n\nThe job identifier is @JOB_ID@ and the job result is @JOB_RESULT@.',
  },
  [MESSAGE_IDS.unitStopping]: {
    subject: 'A stop job for unit @UNIT@ has begun execution',
    body: 'A stop job for unit @UNIT@ has begun execution.\n\nThe job identifier is @JOB_ID@.',
  },
  [MESSAGE_IDS.unitFailed]: {
    subject: 'A start job for unit @UNIT@ has failed',
    body: 'A start job for unit @UNIT@ has finished with a failure.\n\nThe job identifier is @JOB_ID@ and the job result is @JOB_RESULT@.',
  },
  [MESSAGE_IDS.unitProcessExit]: {
    subject: 'Unit process exited',
    body: 'An @COMMAND@= process belonging to unit @UNIT@ has exited.\n\nThe process\' exit code is \'@EXIT_CODE@\' and its exit status is @EXIT_STATUS@.',
  },
  [MESSAGE_IDS.unitResult]: {
    subject: 'Unit failed',
    body: 'The unit @UNIT@ has entered the \'failed\' state with result \'@UNIT_RESULT@\'.',
  },
  [MESSAGE_IDS.unitRestartScheduled]: {
    subject: 'Automatic restarting of a unit has been scheduled',
    body: 'Automatic restarting of the unit @UNIT@ has been scheduled, as the result for\nthe configured Restart= setting for the unit.',
  },
  [MESSAGE_IDS.unitSuccess]: {
    subject: 'Unit succeeded',
    body: 'The unit @UNIT@ has successfully entered the \'dead\' state.',
  },
  [MESSAGE_IDS.unitResources]: {
    subject: 'Resources consumed by unit runtime',
    body: 'The unit @UNIT@ completed and consumed the indicated resources.',
  },
};

/** catalogLines returns the "░░ "-prefixed explanation of an entry, or [] when it has none. */
export function catalogLines(messageId: string | undefined, fields: Record<string, string>): string[] {
  if (!messageId) return [];
  const t = TEXT[messageId];
  if (!t) return [];
  const fill = (s: string) => s.replace(/@([A-Z_]+)@/g, (_, k: string) => fields[k] ?? '');
  const lines = [`Subject: ${fill(t.subject)}`, 'Defined-By: systemd', `Support: ${SUPPORT}`, '', ...fill(t.body).split('\n')];
  return lines.map((l) => (l === '' ? '░░ ' : `░░ ${l}`));
}
