import type { ProgramDef } from '../types.ts';
import { runKubeadm } from './program.ts';

/** KUBEADM_PROGRAMS is kubeadm as a host binary (installed by the kubeadm package). */
export const KUBEADM_PROGRAMS: ProgramDef[] = [
  {
    name: 'kubeadm',
    path: '/usr/bin/kubeadm',
    program: runKubeadm,
    man: 'NAME\n       kubeadm - easily bootstrap a secure Kubernetes cluster\n\nSYNOPSIS\n       kubeadm [command]\n\nDESCRIPTION\n       kubeadm sets up a control plane (init), adds nodes (join), manages bootstrap tokens and certificates, and upgrades clusters.\n',
  },
];
