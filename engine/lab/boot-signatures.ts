import { exportPresigned, loadPresigned, presign } from '../pki/index.ts';

/** REMEMBERED bounds how many fresh boots' signatures are kept (each is some 30 kB). */
const REMEMBERED = 4;
const remembered = new Map<string, Record<string, string>>();

/**
 * signBootAhead has native crypto compute the RSA signatures a boot will make
 * (see engine/pki/presign.ts): by rehearsing the boot, or, when a fresh boot
 * with the same definition, seed and start time ran before in this process
 * (boots are deterministic: a "Reset lab", the next test), from what that
 * one signed. key is undefined for boots that cannot repeat (a saved lab).
 * The caller clears the signatures (clearPresigned) after the real boot.
 */
export async function signBootAhead(key: string | undefined, rehearse: () => Promise<unknown>): Promise<void> {
  const known = key === undefined ? undefined : remembered.get(key);
  if (known && loadPresigned(known) > 0) return;
  await presign(rehearse);
  if (key === undefined) return;
  remembered.delete(key);
  remembered.set(key, exportPresigned());
  while (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
}
