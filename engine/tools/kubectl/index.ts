import type { Program } from '../../host/process.ts';
import type { ProgramDef } from '../types.ts';
import { hostWork } from '../../base/host-work.ts';

/** loadKubectl brings kubectl's code in (a separate chunk in the browser, fetched after the lab boots). */
export const loadKubectl = () => hostWork(import('./program.ts'));

/** kubectlProgram runs the kubectl binary, loading its code on first use. */
const kubectlProgram: Program = async (p) => (await loadKubectl()).kubectlProgram(p);

/** KUBECTL is the kubectl binary as the kubectl package installs it. */
export const KUBECTL: ProgramDef[] = [
  {
    name: 'kubectl',
    path: '/usr/bin/kubectl',
    program: kubectlProgram,
    man: 'NAME\n       kubectl - kubectl controls the Kubernetes cluster manager\n\nSYNOPSIS\n       kubectl [OPTIONS]\n\nDESCRIPTION\n       kubectl controls the Kubernetes cluster manager.\n\n       Find more information at: https://kubernetes.io/docs/reference/kubectl/\n',
  },
];
