/** journalctl: queries the host's journal. See README.md. */
export { JOURNALCTL, runJournalctl } from './program.ts';
