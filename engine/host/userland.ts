import type { FileSystem } from './types.ts';

/**
 * userland tells which tools a root filesystem carries, as its files show:
 * busybox's applets (busybox and alpine images: ash for sh, busybox ps,
 * wget…) or GNU's (the Ubuntu machines and Debian-based images: dash for sh,
 * procps, coreutils). A root without an os-release is a busybox image's.
 */
export function userland(fs: FileSystem): { busybox: boolean; os: string } {
  let os = '';
  try {
    os = fs.readFile('/etc/os-release');
  } catch {
    os = '';
  }
  if (/jammy|22\.04|^ID="?(ubuntu|debian)"?$/m.test(os)) return { busybox: false, os };
  let hasBusybox = false;
  try {
    fs.stat('/bin/busybox');
    hasBusybox = true;
  } catch {
    hasBusybox = false;
  }
  return { busybox: /alpine|busybox/i.test(os) || os === '' || hasBusybox, os };
}

/** shellDialect is which shell a name runs on a root: bash by name, otherwise /bin/sh (dash, or ash on busybox). */
export function shellDialect(fs: FileSystem, name: string | undefined): 'bash' | 'dash' | 'ash' {
  if (name !== 'sh') return 'bash';
  return userland(fs).busybox ? 'ash' : 'dash';
}
