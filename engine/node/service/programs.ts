import type { ProgramDef } from '../../tools/types.ts';
import { containerdProgram } from './containerd-program.ts';
import { kubeletProgram } from './kubelet-program.ts';

/** NODE_PROGRAMS are the node daemons' binaries (installed by the kubelet and containerd packages). */
export const NODE_PROGRAMS: ProgramDef[] = [
  { name: 'kubelet', path: '/usr/bin/kubelet', program: kubeletProgram, man: 'kubelet - the primary node agent\n\nSYNOPSIS\n       kubelet [flags]\n\nDESCRIPTION\n       The kubelet registers the node with the apiserver and runs the pods bound to it and the static pods of its manifest folder.' },
  { name: 'containerd', path: '/usr/bin/containerd', program: containerdProgram, man: 'containerd - container runtime daemon\n\nSYNOPSIS\n       containerd [flags]\n\nDESCRIPTION\n       containerd runs the node\'s containers and serves the CRI on /run/containerd/containerd.sock.' },
];
