import { parse, stringify } from 'yaml';
import { GoTemplate } from '../../kubectl/printers/gotemplate/exec.ts';
import type { Defined } from '../../kubectl/printers/gotemplate/parse.ts';
import { TemplateExecError, type Val } from '../../kubectl/printers/gotemplate/funcs.ts';
import { SPRIG } from './sprig.ts';

type Fn = (a: Val[]) => Val;

/** toYaml is helm's toYaml: YAML without the trailing newline ("{}" for an empty map, "null" for nil). */
export function toYaml(v: Val): string {
  if (v === null || v === undefined) return 'null';
  return stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * helmFuncs is the function map of a chart's templates: sprig's, helm's
 * (toYaml, include, tpl, required, lookup…) and the set's named templates for
 * include. lookup sees no cluster (as `helm template` and a dry run do).
 */
export function helmFuncs(defines: Map<string, Defined>, self: () => GoTemplate): Record<string, Fn> {
  return {
    ...SPRIG,
    toYaml: (a) => toYaml(a[0]),
    mustToYaml: (a) => toYaml(a[0]),
    toJson: (a) => JSON.stringify(a[0] ?? null),
    mustToJson: (a) => JSON.stringify(a[0] ?? null),
    toPrettyJson: (a) => JSON.stringify(a[0] ?? null, null, 2),
    fromYaml: (a) => {
      try {
        return (parse(String(a[0] ?? '')) as Val) ?? {};
      } catch (e) {
        return { Error: (e as Error).message };
      }
    },
    fromJson: (a) => {
      try {
        return JSON.parse(String(a[0] ?? '')) as Val;
      } catch (e) {
        return { Error: (e as Error).message };
      }
    },
    include: (a) => {
      const name = String(a[0] ?? '');
      if (!defines.has(name)) throw new TemplateExecError(`error calling include: template: no template ${JSON.stringify(name)} associated with template "gotpl"`);
      return self().executeNamed(name, a[1] ?? null);
    },
    tpl: (a) => new GoTemplate(String(a[0] ?? ''), true, { name: 'gotpl', defines, funcs: helmFuncs(defines, self), missingZero: true }).execute(a[1] ?? null).replaceAll('<no value>', ''),
    required: (a) => {
      if (a[1] === null || a[1] === undefined || a[1] === '') throw new TemplateExecError(`error calling required: ${String(a[0] ?? '')}`);
      return a[1];
    },
    lookup: () => ({}),
    toToml: (a) => JSON.stringify(a[0] ?? null),
  };
}
