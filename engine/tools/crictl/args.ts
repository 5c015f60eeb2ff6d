import type { ContainerRecord, Sandbox } from '../../node/runtime/types.ts';
import type { CrictlContext } from './program.ts';
import { humanDuration } from './format.ts';

/** opts splits a command's flags (with the values named in withValue) from its arguments; values(name) has every value a repeated flag was given. */
export function opts(args: string[], withValue: string[]): { flags: Map<string, string>; rest: string[]; values: (name: string) => string[] } {
  const flags = new Map<string, string>();
  const all = new Map<string, string[]>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (rest.length > 0 && !a.startsWith('-')) {
      rest.push(...args.slice(i));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const [name, inline] = a.replace(/^--?/, '').split(/=(.*)/s) as [string, string | undefined];
    if (withValue.includes(name)) {
      const v = inline ?? args[++i] ?? '';
      flags.set(name, v);
      all.set(name, [...(all.get(name) ?? []), v]);
    }
    else if (name.length > 1 && !a.startsWith('--')) for (const ch of name) flags.set(ch, 'true');
    else flags.set(name, 'true');
  }
  return { flags, rest, values: (name) => all.get(name) ?? [] };
}

/** STATE is crictl's name of each container state. */
export const STATE: Record<string, string> = { CONTAINER_CREATED: 'Created', CONTAINER_RUNNING: 'Running', CONTAINER_EXITED: 'Exited', CONTAINER_UNKNOWN: 'Unknown' };

/** ago is the CREATED column: go-units' HumanDuration and " ago". */
export function ago(c: CrictlContext, t: number): string {
  return `${humanDuration(c.now - t)} ago`;
}

/** sandboxOf finds a container's sandbox. */
export function sandboxOf(c: CrictlContext, r: ContainerRecord): Sandbox | undefined {
  return c.cri.sandboxes.get(r.sandboxId);
}

/** findContainer resolves an id or unique prefix, or prints crictl's error. */
export function findContainer(c: CrictlContext, id: string | undefined): ContainerRecord | number {
  if (!id) return c.fatal('ID cannot be empty');
  const r = c.cri.findContainer(id);
  if (!r) return c.fatal(`rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found`);
  return r;
}
