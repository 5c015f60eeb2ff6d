import type { Process } from '../../host/process.ts';
import { userland } from '../../host/userland.ts';

/**
 * Flavour tells which build of a tool runs: the machines are Ubuntu 22.04
 * (curl 7.81, GNU wget, bind9 nslookup/dig), container images bring their own
 * (busybox applets in busybox and alpine images, curl 8 in curlimages/curl).
 * It is read from the files the process sees, as the binary's build would be.
 */
export interface Flavour {
  busybox: boolean;
  curlVersion: string;
  /** curl 7.81 names the errno ("Connection refused"); curl ≥ 7.86 names the curl code ("Couldn't connect to server") */
  curlModernErrors: boolean;
  /** curl 8's verbose lines ("Host x was resolved.", "using HTTP/1.x", no "(#0)") */
  curlV8: boolean;
}

/** flavourOf reads /etc/os-release and the busybox binary to decide. */
export function flavourOf(p: Process): Flavour {
  const { busybox, os } = userland(p.fs);
  const jammy = /jammy|22\.04/.test(os);
  // Debian 12 images (nginx, httpd, redis…) ship curl 7.88; alpine-based ones curl 8.
  const bookworm = /bookworm|Debian GNU\/Linux 12/.test(os);
  const curlVersion = jammy ? '7.81.0' : bookworm ? '7.88.1' : '8.11.1';
  return { busybox, curlVersion, curlModernErrors: !jammy, curlV8: !jammy && !bookworm };
}
