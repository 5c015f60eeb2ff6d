import { clearPresigned, collectSignatures, exportPresigned, loadPresigned } from '../pki/index.ts';

/** REMEMBERED bounds how many fresh boots' signatures are kept (each is some 30 kB). */
const REMEMBERED = 4;
const remembered = new Map<string, Record<string, string>>();

/**
 * bootWithSignatures runs a boot, handing it the RSA signatures an identical
 * boot made before in this process (boots are deterministic: a "Reset lab",
 * the next test), see engine/pki/presign.ts. Otherwise the boot signs with
 * the BigInt code as it goes, and what it signs is remembered for the next
 * identical one. key (definition, seed and start time) is undefined for
 * boots that cannot repeat (a saved lab).
 *
 * A first boot is not rehearsed to have native crypto sign ahead: in a cold
 * worker a rehearsal (of the whole boot, or only of its PKI) costs more than
 * the forty-odd signatures it saves.
 */
export async function bootWithSignatures<T>(key: string | undefined, boot: () => Promise<T>): Promise<T> {
  const known = key === undefined ? undefined : remembered.get(key);
  if (known) loadPresigned(known);
  const collect = key !== undefined && !known;
  collectSignatures(collect);
  try {
    const result = await boot();
    if (collect) {
      remembered.set(key, exportPresigned());
      while (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    }
    return result;
  } finally {
    collectSignatures(false);
    clearPresigned();
  }
}
