/** apt, apt-get, apt-cache, apt-mark and dpkg over the host's package database. See README.md. */
export { APT_PROGRAMS } from './programs.ts';
