/** systemctl: the host's service manager client. See README.md. */
export { SYSTEMCTL, runSystemctl, NO_SYSTEMD } from './program.ts';
