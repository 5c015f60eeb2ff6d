import type { ProgramDef } from './types.ts';
import { KUBECTL } from './kubectl/index.ts';
import { COREUTILS } from './coreutils/index.ts';
import { SYSTEMCTL } from './systemctl/index.ts';
import { JOURNALCTL } from './journalctl/index.ts';
import { APT_PROGRAMS } from './apt/index.ts';
import { OPENSSL } from './openssl/index.ts';
import { SYSADMIN_PROGRAMS } from './sysadmin/index.ts';
import { ETCD_CLIENT_PROGRAMS } from './etcdctl/index.ts';
import { KUBEADM_PROGRAMS } from './kubeadm/index.ts';
import { CRICTL } from './crictl/index.ts';
import { NODE_PROGRAMS } from '../node/service/programs.ts';
import { NET_PROGRAMS } from './net/index.ts';
import { HELM } from './helm/index.ts';
import { JQ } from './jq/index.ts';
import { YQ } from './yq/index.ts';

/**
 * PROGRAMS is every host binary the lab knows, in one literal list. The shell
 * resolves commands through it (after PATH lookup); a unit test checks names
 * are unique and every program is installed somewhere.
 */
export const PROGRAMS: ProgramDef[] = [...KUBECTL, ...COREUTILS, ...SYSTEMCTL, ...JOURNALCTL, ...APT_PROGRAMS, ...OPENSSL, ...SYSADMIN_PROGRAMS, ...ETCD_CLIENT_PROGRAMS, ...KUBEADM_PROGRAMS, ...CRICTL, ...NODE_PROGRAMS, ...NET_PROGRAMS, ...HELM, ...JQ, ...YQ];

const byName = new Map<string, ProgramDef>();

/** programByName finds a ProgramDef by its binary name. */
export function programByName(name: string): ProgramDef | undefined {
  if (byName.size === 0) for (const p of PROGRAMS) byName.set(p.name, p);
  return byName.get(name);
}
