import { commandFromHelp } from '../create/help.ts';
import { setSelectorCommand, setSubjectCommand } from './subject.ts';
import { setEnvCommand, setImageCommand, setResourcesCommand, setServiceAccountCommand } from './set.ts';

/** setCommand is `kubectl set` and its subcommands. */
export const setCommand = commandFromHelp('set', {
  group: 'Deploy Commands',
  short: 'Set specific features on objects',
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand, setSelectorCommand, setServiceAccountCommand, setSubjectCommand],
});
