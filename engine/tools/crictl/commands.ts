import type { CrictlContext } from './program.ts';
import { images, pods, ps } from './list.ts';
import { exec, logs, pull, rm, rmi, rmp, stop, stopp } from './manage.ts';
import { info, inspect, inspecti, inspectp, version } from './inspect.ts';

/** crictlCommands maps crictl's subcommands (and their aliases) to their implementations. */
export const crictlCommands: Record<string, (c: CrictlContext) => number | Promise<number>> = {
  ps,
  pods,
  images,
  image: images,
  img: images,
  logs,
  exec,
  stop,
  stopp,
  rm,
  rmp,
  inspect,
  inspectp,
  inspecti,
  pull,
  rmi,
  version,
  info,
};
