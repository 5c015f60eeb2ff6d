import type { ProgramDef } from '../types.ts';
import { crictl } from './program.ts';

/** CRICTL is cri-tools' crictl, installed with the cri-tools package. */
export const CRICTL: ProgramDef[] = [
  {
    name: 'crictl',
    path: '/usr/bin/crictl',
    program: crictl,
    man: 'crictl - client for CRI\n\nSYNOPSIS\n       crictl [global options] command [command options]\n\nDESCRIPTION\n       crictl talks to the node\'s container runtime (containerd) through its CRI socket: ps, pods, images, logs, exec, inspect, stop, rm.',
  },
];
