import type { Exercise } from '../pack/types.ts';
import type { TaskSite } from './placement.ts';

/** Fields that name the exercise or its curriculum, not the machines it runs on. */
const KEEP = new Set(['id', 'source', 'domain', 'curriculum']);

/**
 * localizeExercise rewrites an exercise written against the default lab to
 * run on an exam task's site: every step, check and line of text that names a
 * machine of the default cluster (`controlplane`, `node01`, `node02`, also
 * inside names such as `kube-apiserver-controlplane` or `system:node:node01`)
 * names the site's machine instead; the student host (`terminal`) becomes the
 * site's host where it is a host (a `host` field, `` `terminal` `` in text,
 * `ssh terminal` in a script), and the default context becomes the site's.
 * Renaming is consistent across setup, task, checks and solution, so what the
 * setup builds is what the text describes and the checks read.
 */
export function localizeExercise(ex: Exercise, site: TaskSite): Exercise {
  const text = textMapper(site);
  const host = (h: string) => (h === site.student ? site.host : (site.hosts[h] ?? h));
  const context = (c: string) => (site.from.includes(c) ? site.context : c);
  const pattern = patternMapper(site, text);
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key === 'host' ? host(v) : key === 'context' ? context(v) : key === 'matches' ? pattern(v) : text(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, KEEP.has(k) ? x : walk(x, k)]));
    return v;
  };
  const out = walk(ex) as Exercise;
  return { ...out, host: host(ex.host ?? site.student), context: site.context };
}

/**
 * textMapper renames machines (and addresses on the default cluster's network)
 * in free text and scripts, in one pass: a new name is never renamed again.
 */
function textMapper(site: TaskSite): (s: string) => string {
  const names = Object.keys(site.hosts).sort((a, b) => b.length - a.length).map(escape);
  const student = escape(site.student);
  const word = '[A-Za-z0-9_]';
  const parts = [
    ...(names.length ? [`(?<!${word})(?<machine>${names.join('|')})(?!${word})`] : []),
    `(?<=\`)(?<quoted>${student})(?=\`)`,
    `(?<=\\bssh\\s+(?:[a-z_][a-z0-9_-]*@)?)(?<sshed>${student})(?![A-Za-z0-9_.-])`,
    ...(site.network && site.network.from !== site.network.to ? [`(?<![0-9.])(?<address>${escape(site.network.from)}\\.\\d{1,3})(?![0-9])`] : []),
  ];
  const re = new RegExp(parts.join('|'), 'g');
  return (s) =>
    s.replace(re, (m: string, ...args: unknown[]) => {
      const g = args[args.length - 1] as Record<string, string | undefined>;
      if (g['machine']) return site.hosts[m] ?? m;
      if (g['address']) return site.network!.keep.includes(m) ? m : `${site.network!.to}${m.slice(site.network!.from.length)}`;
      return site.host;
    });
}

/**
 * patternMapper renames machines in a check's regular expression: a run of
 * name characters and character classes that matches whole default machine
 * names (`node0[12]`, `controlplane`) becomes the alternation of their new
 * names; anything else is renamed as text.
 */
function patternMapper(site: TaskSite, text: (s: string) => string): (s: string) => string {
  const names = Object.keys(site.hosts);
  return (p) =>
    p.replace(/(?:[A-Za-z0-9_-]|\[[^\]]*\])+/g, (token) => {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${token})$`);
      } catch {
        return text(token);
      }
      const hit = names.filter((n) => re.test(n));
      if (!hit.length) return text(token);
      const to = [...new Set(hit.map((n) => escape(site.hosts[n]!)))];
      return to.length === 1 && token === hit[0] ? to[0]! : `(?:${to.join('|')})`;
    });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
