import type { Program } from '../../host/process.ts';
import type { ProgramDef } from '../types.ts';
import { hostWork } from '../../base/host-work.ts';

/** helm's code loads on first use (its own chunk in the browser). */
const helmProgram: Program = async (p) => (await hostWork(import('./program.ts'))).helmProgram(p);

/** HELM is the helm binary (installed on every machine, as on the exam's hosts). */
export const HELM: ProgramDef[] = [
  {
    name: 'helm',
    path: '/usr/local/bin/helm',
    program: helmProgram,
    man: 'NAME\n       helm - The Helm package manager for Kubernetes.\n\nSYNOPSIS\n       helm [command]\n\nDESCRIPTION\n       Helm installs charts into Kubernetes, creating a new release for each installation; it finds charts in chart repositories (helm repo add, helm search repo).\n',
  },
];
