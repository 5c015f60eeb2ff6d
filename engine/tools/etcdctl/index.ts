import type { ProgramDef } from '../types.ts';
import { runEtcdctl, runEtcdutl } from './program.ts';

/** ETCD_CLIENT_PROGRAMS are etcdctl and etcdutl as host binaries. */
export const ETCD_CLIENT_PROGRAMS: ProgramDef[] = [
  { name: 'etcdctl', path: '/usr/bin/etcdctl', program: runEtcdctl, man: 'NAME\n       etcdctl - a command line client for etcd\n\nSYNOPSIS\n       etcdctl [global options] command [command options] [arguments...]\n\nDESCRIPTION\n       etcdctl talks to an etcd cluster over its v3 API: get, put, del, member list, endpoint status|health, snapshot save.\n' },
  { name: 'etcdutl', path: '/usr/bin/etcdutl', program: runEtcdutl, man: 'NAME\n       etcdutl - an administration utility for etcd data files\n\nSYNOPSIS\n       etcdutl snapshot restore|status <file> [options]\n\nDESCRIPTION\n       etcdutl works on etcd files directly, without a running server: it restores a snapshot into a new data directory and reports on snapshot files.\n' },
];
