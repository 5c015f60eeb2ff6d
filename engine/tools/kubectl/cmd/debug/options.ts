import { UsageError, type RunContext } from '../../cli/command.ts';
import { REFERENCE } from '../run/pod.ts';
import { PROFILES, type Profile } from './profiles.ts';

export const LEGACY_NOTICE = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', ''];

/** Options are the flags of `kubectl debug` after checking, as debug.go's Complete and Validate leave them. */
export interface Options {
  image: string;
  container: string;
  command: string[];
  argsOnly: boolean;
  env: { name: string; value: string }[];
  pullPolicy: string;
  profile: Profile;
  interactive: boolean;
  tty: boolean;
  attach: boolean;
  quiet: boolean;
  copyTo: string;
}

export function options(c: RunContext): Options {
  const dash = c.dashIndex;
  const names = dash < 0 ? c.args : c.args.slice(0, dash);
  if (names.length === 0 && c.flag<string[]>('filename').length === 0) throw new UsageError('NAME or filename is required for debug', 'none');
  const interactive = c.flag<boolean>('stdin');
  const tty = c.flag<boolean>('tty');
  if (tty && !interactive) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', 'none');
  const copyTo = c.flag<string>('copy-to');
  const image = c.flag<string>('image');
  const setImage = c.flag<string[]>('set-image');
  if (!copyTo && setImage.length) throw new UsageError('--set-image may only be used with --copy-to.', 'none');
  if (!copyTo && !image) throw new UsageError('you must specify --image when not using --copy-to.', 'none');
  if (image && !REFERENCE.test(image)) throw new UsageError(`invalid image name "${image}": invalid reference format`, 'none');
  const pullPolicy = c.flag<string>('image-pull-policy');
  if (!PULL_POLICIES.includes(pullPolicy)) throw new UsageError(`invalid image pull policy: ${pullPolicy}`, 'none');
  const profile = c.flag<string>('profile');
  if (!(PROFILES as readonly string[]).includes(profile)) throw new UsageError(`unknown profile: ${profile}`, 'none');
  const env = c.flag<string[]>('env').map((kv) => {
    const i = kv.indexOf('=');
    return i < 0 ? { name: kv, value: '' } : { name: kv.slice(0, i), value: kv.slice(i + 1) };
  });
  return {
    image,
    container: c.flag<string>('container'),
    command: dash < 0 ? [] : c.args.slice(dash),
    argsOnly: c.flag<boolean>('arguments-only'),
    env,
    pullPolicy,
    profile: profile as Profile,
    interactive,
    tty,
    attach: c.changed('attach') ? c.flag<boolean>('attach') : interactive,
    quiet: c.flag<boolean>('quiet'),
    copyTo,
  };
}

/** debugContainer is the container kubectl adds (to a debugging pod, a copy, or as an ephemeral container): its image, command (or args), terminal and environment. */
export function debugContainer(o: Omit<Options, 'attach' | 'copyTo'>, name: string, ephemeral = false): Record<string, unknown> {
  const ctr: Record<string, unknown> = { name, image: o.image };
  if (o.command.length) ctr[o.argsOnly ? 'args' : 'command'] = o.command;
  if (o.env.length) ctr.env = o.env;
  if (o.pullPolicy) ctr.imagePullPolicy = o.pullPolicy;
  // A pod's container prints resources: {}; an ephemeral container has none to set.
  if (!ephemeral) ctr.resources = {};
  if (o.interactive) ctr.stdin = true;
  if (o.tty) ctr.tty = true;
  ctr.terminationMessagePolicy = 'File';
  return ctr;
}
