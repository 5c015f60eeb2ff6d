import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { systemdFor } from '../../host/systemd/index.ts';
import { loadShellParser } from '../../shell/parser/load.ts';
import { advance } from './advance.ts';

/** nodeLab boots the default lab (test-only) and answers what node tests reach for: its clock, the admin client and a machine's systemd. */
export async function nodeLab(machine = 'node01') {
  await loadShellParser();
  const lab = bootLab();
  const { runtime } = lab.world;
  const admin = lab.clusters[0]!.admin;
  await advance(runtime, 1000);
  const sd = systemdFor(runtime, machine)!;
  return { lab, runtime, admin, sd };
}
