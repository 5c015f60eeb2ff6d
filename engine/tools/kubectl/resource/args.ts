import { UsageError } from '../cli/command.ts';
import type { ApiResource, Discovery } from '../discovery.ts';

/** ResourceSelection is one resource type with the names asked for (none: all, by selector). */
export interface ResourceSelection {
  res: ApiResource;
  names: string[];
  /** typed is what the user wrote for the type, for messages */
  typed: string;
}

/**
 * parseResourceArgs reads kubectl's TYPE[,TYPE…] [NAME…] and TYPE/NAME…
 * argument forms (resource.Builder's ResourceTypeOrNameArgs), expanding
 * categories such as "all".
 */
export function parseResourceArgs(args: string[], d: Discovery): ResourceSelection[] {
  if (args.length === 0) return [];
  const slashForm = args.filter((a) => a.includes('/'));
  if (slashForm.length > 0) {
    if (slashForm.length !== args.length) {
      throw new UsageError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        'none',
      );
    }
    const out: ResourceSelection[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const typed = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!typed || !name) throw new UsageError(`arguments in resource/name form must have a single resource and name`, 'none');
      const res = d.resolve(typed);
      const existing = out.find((s) => s.res === res);
      if (existing) existing.names.push(name);
      else out.push({ res, names: [name], typed });
    }
    return out;
  }
  const [types, ...names] = args;
  const out: ResourceSelection[] = [];
  for (const typed of types!.split(',').filter(Boolean)) {
    const cat = d.category(typed.toLowerCase());
    if (cat.length > 0 && !d.all().some((r) => r.plural === typed || r.singular === typed || r.shortNames.includes(typed))) {
      for (const res of cat) out.push({ res, names: [...names], typed });
      continue;
    }
    out.push({ res: d.resolve(typed), names: [...names], typed });
  }
  if (names.length > 0 && out.length > 1) {
    throw new UsageError('you must specify only one resource', 'none');
  }
  return out;
}
