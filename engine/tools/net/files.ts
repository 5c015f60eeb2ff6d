import type { Process } from '../../host/process.ts';

/** absPath resolves a path against the process's working directory. */
export function absPath(p: Process, path: string): string {
  if (path.startsWith('/')) return path;
  return `${p.cwd.replace(/\/$/, '')}/${path}`;
}

/** readText reads a file the user named, or undefined when it cannot be read. */
export function readText(p: Process, path: string): string | undefined {
  try {
    return p.fs.readFile(absPath(p, path));
  } catch {
    return undefined;
  }
}

/** writeText writes a file the user named; false when it cannot be written. */
export function writeText(p: Process, path: string, text: string): boolean {
  try {
    p.fs.writeFile(absPath(p, path), text);
    return true;
  } catch {
    return false;
  }
}
