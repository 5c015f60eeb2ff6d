import type { AptCache } from './candidates.ts';
import type { Available } from './lists.ts';
import type { PackageInfo } from './types.ts';
import { compareVersions, satisfies } from './version.ts';

/** Request is one argument of apt-get install: a name, name=version, or a local .deb. */
export interface Request {
  name: string;
  version?: string;
  /** deb is the control data of a local package file (apt-get install ./x.deb, dpkg -i) */
  deb?: PackageInfo;
  debPath?: string;
}

/** Change is one package apt will unpack. */
export interface Change {
  name: string;
  info: PackageInfo;
  from?: string;
  kind: 'new' | 'upgrade' | 'downgrade' | 'reinstall';
  /** auto: pulled in as a dependency, not asked for */
  auto: boolean;
  origin?: Available;
  debPath?: string;
}

/** Plan is what apt decided, or why it cannot. */
export interface Plan {
  changes: Change[];
  notes: string[];
  errors: string[];
  /** unmet lists " pkg : Depends: dep (>= v) but it is not installable" lines */
  unmet: string[];
}

/** parseDepends reads a Depends field into the first alternative of each clause. */
export function parseDepends(field: string | undefined): Array<{ name: string; op?: string; version?: string; raw: string }> {
  if (!field) return [];
  return field.split(',').map((clause) => {
    const first = clause.split('|')[0]!.trim();
    const m = /^([a-z0-9][a-z0-9+.-]*)(?::\w+)?\s*(?:\(\s*(>=|<=|>>|<<|=)\s*([^)\s]+)\s*\))?/.exec(first);
    return { name: m?.[1] ?? first, op: m?.[2], version: m?.[3], raw: first };
  });
}

function kindOf(info: PackageInfo, installed: string | undefined): Change['kind'] {
  if (installed === undefined) return 'new';
  const c = compareVersions(info.version, installed);
  return c > 0 ? 'upgrade' : c < 0 ? 'downgrade' : 'reinstall';
}

/** planInstall decides what `apt-get install <requests>` does. */
export function planInstall(cache: AptCache, requests: Request[]): Plan {
  const plan: Plan = { changes: [], notes: [], errors: [], unmet: [] };
  const chosen = new Map<string, Change>();
  for (const r of requests) {
    if (r.deb) {
      const inst = cache.view(r.deb.name)?.installed;
      chosen.set(r.deb.name, { name: r.deb.name, info: r.deb, from: inst?.version, kind: kindOf(r.deb, inst?.version), auto: false, debPath: r.debPath });
      continue;
    }
    const view = cache.view(r.name);
    if (!view) {
      plan.errors.push(`E: Unable to locate package ${r.name}`);
      continue;
    }
    const inst = view.installed?.version;
    let target: Available | undefined;
    if (r.version !== undefined) {
      target = view.versions.find((v) => v.info.version === r.version);
      if (!target) {
        if (inst === r.version) plan.notes.push(`${r.name} is already the newest version (${inst}).`);
        else plan.errors.push(`E: Version '${r.version}' for '${r.name}' was not found`);
        continue;
      }
    } else {
      const cv = cache.candidateVersion(r.name);
      target = view.versions.find((v) => v.info.version === cv);
      if (!target) {
        if (inst !== undefined) plan.notes.push(`${r.name} is already the newest version (${inst}).`);
        else plan.errors.push(`E: Package '${r.name}' has no installation candidate`);
        continue;
      }
    }
    if (inst === target.info.version) {
      plan.notes.push(`${r.name} is already the newest version (${inst}).`);
      continue;
    }
    chosen.set(r.name, { name: r.name, info: target.info, from: inst, kind: kindOf(target.info, inst), auto: false, origin: target });
  }
  if (plan.errors.length) return plan;
  const queue = [...chosen.values()];
  while (queue.length) {
    const c = queue.shift()!;
    for (const d of parseDepends(c.info.depends)) {
      const view = cache.view(d.name);
      if (!view) continue; // part of the base system the lab does not model
      const planned = chosen.get(d.name);
      if (planned && satisfies(planned.info.version, d.op, d.version)) continue;
      if (!planned && view.installed && satisfies(view.installed.version, d.op, d.version)) continue;
      const pick = view.versions.find((v) => satisfies(v.info.version, d.op, d.version));
      if (!pick || planned) {
        plan.unmet.push(` ${c.name} : Depends: ${d.raw} but it is not installable`);
        continue;
      }
      const dep: Change = { name: d.name, info: pick.info, from: view.installed?.version, kind: kindOf(pick.info, view.installed?.version), auto: true, origin: pick };
      chosen.set(d.name, dep);
      queue.push(dep);
    }
  }
  plan.changes = [...chosen.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return plan;
}

/** configureOrder sorts changes so that dependencies are set up first (dpkg's configure order). */
export function configureOrder(changes: Change[]): Change[] {
  const names = new Set(changes.map((c) => c.name));
  const done = new Set<string>();
  const out: Change[] = [];
  const visit = (c: Change, depth: number) => {
    if (done.has(c.name) || depth > 50) return;
    done.add(c.name);
    for (const d of parseDepends(c.info.depends)) {
      const dep = changes.find((x) => x.name === d.name);
      if (dep && names.has(d.name)) visit(dep, depth + 1);
    }
    out.push(c);
  };
  for (const c of changes) visit(c, 0);
  return out;
}
