import { parse } from 'yaml';
import { goJson, goYaml } from '../values/goyaml.ts';
import { GoTemplate } from '../../kubectl/printers/gotemplate/exec.ts';
import { TemplateParseError, type Defined } from '../../kubectl/printers/gotemplate/parse.ts';
import { TemplateExecError, type Val } from '../../kubectl/printers/gotemplate/funcs.ts';
import { SPRIG } from './sprig.ts';
import { execErrorText, nestedError, warnWrap } from './errors.ts';

type Fn = (a: Val[]) => Val;

/** toYaml is helm's toYaml: YAML without the trailing newline ("{}" for an empty map, "null" for nil). */
export function toYaml(v: Val): string {
  if (v === null || v === undefined) return 'null';
  return goYaml(v).replace(/\n$/, '');
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
    toJson: (a) => goJson(a[0]),
    mustToJson: (a) => goJson(a[0]),
    toPrettyJson: (a) => goJson(a[0], 2),
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
      try {
        return self().executeNamed(name, a[1] ?? null);
      } catch (e) {
        return nestedError('include', e);
      }
    },
    tpl: (a) => {
      const text = String(a[0] ?? '');
      try {
        return new GoTemplate(text, true, { name: 'gotpl', defines, funcs: helmFuncs(defines, self), missingZero: true }).execute(a[1] ?? null).replaceAll('<no value>', '');
      } catch (e) {
        if (e instanceof TemplateExecError) throw new TemplateExecError(`error calling tpl: error during tpl function execution for ${JSON.stringify(text)}: ${execErrorText(e)}`);
        if (e instanceof TemplateParseError) throw new TemplateExecError(`error calling tpl: cannot parse template ${JSON.stringify(text)}: template: ${e.message}`);
        throw e;
      }
    },
    required: (a) => {
      if (a[1] === null || a[1] === undefined || a[1] === '') throw new TemplateExecError(`error calling required: ${warnWrap(String(a[0] ?? ''))}`);
      return a[1];
    },
    lookup: () => ({}),
    toToml: (a) => JSON.stringify(a[0] ?? null),
  };
}
