import type { FileSystem } from './types.ts';

/**
 * A host binary is a small executable file whose first line names the
 * program that implements it: `#!/kubelab/exec kubectl`. The shell finds a
 * command by looking it up on PATH like bash does, reads this line and runs
 * the ProgramDef of that name, so `rm /usr/bin/kubectl`, `chmod -x`, copying a
 * binary elsewhere or installing a package (writing the file) behave as on a
 * real host.
 */
export const EXEC_MARKER = '#!/kubelab/exec ';

/** SETUID_PROGRAMS are installed setuid root (mode 4755), so they run with root's filesystem rights. */
export const SETUID_PROGRAMS: ReadonlySet<string> = new Set(['sudo', 'su', 'passwd', 'mount', 'umount', 'chsh', 'newgrp']);

/** binaryContent is the file content that makes path run the named program. */
export function binaryContent(name: string): string {
  return `${EXEC_MARKER}${name}\n`;
}

/** programNameOf reads the program name out of a binary's content, or undefined for any other file. */
export function programNameOf(content: string): string | undefined {
  if (!content.startsWith(EXEC_MARKER)) return undefined;
  const end = content.indexOf('\n');
  const name = content.slice(EXEC_MARKER.length, end < 0 ? undefined : end).trim();
  return name === '' ? undefined : name;
}

/** installBinary writes the binary file for a program at path (root-owned, 0755 or setuid 4755). */
export function installBinary(fs: FileSystem, name: string, path: string): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  fs.mkdir(dir, { recursive: true });
  const mode = SETUID_PROGRAMS.has(name) ? 0o4755 : 0o755;
  fs.writeFile(path, binaryContent(name), { mode, uid: 0, gid: 0 });
  fs.chmod(path, mode);
}

/** installBinaries installs every program at its default path. */
export function installBinaries(fs: FileSystem, defs: ReadonlyArray<{ name: string; path: string }>): void {
  for (const d of defs) installBinary(fs, d.name, d.path);
}
