import type { ProgramDef } from '../types.ts';
import { kubectlProgram } from './program.ts';

/** KUBECTL is the kubectl binary as the kubectl package installs it. */
export const KUBECTL: ProgramDef[] = [
  {
    name: 'kubectl',
    path: '/usr/bin/kubectl',
    program: kubectlProgram,
    man: 'NAME\n       kubectl - kubectl controls the Kubernetes cluster manager\n\nSYNOPSIS\n       kubectl [OPTIONS]\n\nDESCRIPTION\n       kubectl controls the Kubernetes cluster manager.\n\n       Find more information at: https://kubernetes.io/docs/reference/kubectl/\n',
  },
];
