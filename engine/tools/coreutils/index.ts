import type { ProgramDef } from '../types.ts';
import { awk } from './awk.ts';
import { base64 } from './base64.ts';
import { bash, sh } from './bash.ts';
import { basename, dirname } from './basename.ts';
import { cat } from './cat.ts';
import { chmod } from './chmod.ts';
import { chroot } from './chroot.ts';
import { chgrp, chown } from './chown.ts';
import { clear } from './clear.ts';
import { cp } from './cp.ts';
import { cut } from './cut.ts';
import { date } from './date.ts';
import { diff } from './diff.ts';
import { df, du, free } from './du.ts';
import { echo } from './echo.ts';
import { nano, vi, vim } from './editor.ts';
import { env } from './env.ts';
import { find } from './find.ts';
import { egrep, fgrep, grep } from './grep.ts';
import { head } from './head.ts';
import { hostname } from './hostname.ts';
import { id } from './id.ts';
import { less, more } from './less.ts';
import { ln } from './ln.ts';
import { ls } from './ls.ts';
import { man } from './man.ts';
import { mkdir, rmdir } from './mkdir.ts';
import { mv } from './mv.ts';
import { printf } from './printf.ts';
import { ps } from './ps.ts';
import { pgrep, pidof, pkill } from './procps/program.ts';
import { top } from './procps/top.ts';
import { readlink, realpath } from './realpath.ts';
import { rm } from './rm.ts';
import { sed } from './sed.ts';
import { seq } from './seq.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { ssh } from './ssh.ts';
import { stat } from './stat.ts';
import { su } from './su.ts';
import { sudo } from './sudo.ts';
import { tail } from './tail.ts';
import { tar } from './tar.ts';
import { tee } from './tee.ts';
import { timeout } from './timeout.ts';
import { touch } from './touch.ts';
import { tr } from './tr.ts';
import { falseCmd, trueCmd } from './true.ts';
import { nproc, tty } from './tty.ts';
import { uname } from './uname.ts';
import { uniq } from './uniq.ts';
import { watch } from './watch.ts';
import { wc } from './wc.ts';
import { which } from './which.ts';
import { whoami } from './whoami.ts';
import { xargs } from './xargs.ts';
import { yes } from './yes.ts';

/** COREUTILS are the everyday Linux commands of every lab host, with ssh, sudo and su. */
export const COREUTILS: ProgramDef[] = [
  awk, base64, basename, bash, cat, chgrp, chmod, chown, chroot, clear, cp, cut, date, df, diff, dirname, du, echo, egrep, env, falseCmd,
  fgrep, find, free, grep, head, hostname, id, less, ln, ls, man, mkdir, more, mv, nproc, pgrep, pidof, pkill, printf, ps, readlink, realpath,
  rm, rmdir, sed, seq, sh, sleep, sort, ssh, stat, su, sudo, tail, tar, tee, timeout, top, touch, tr, trueCmd, tty, uname, uniq,
  watch, wc, which, whoami, xargs, yes, vi, vim, nano,
];
