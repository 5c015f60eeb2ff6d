import { parseCustomColumns, parseCustomColumnsFile, type Column } from './custom-columns.ts';
import { goJson, goSharpV, goText } from '../../../base/jsonpath/gofmt.ts';
import { JsonPath, JsonPathExecError } from '../../../base/jsonpath/eval.ts';
import { JsonPathParseError } from '../../../base/jsonpath/parser.ts';
import { GoTemplate } from './gotemplate/exec.ts';
import { TemplateExecError } from './gotemplate/funcs.ts';
import { TemplateParseError } from './gotemplate/parse.ts';

/** OutputSpec is what -o (with --template) asks for. */
export type OutputSpec =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' | 'yaml' | 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean; jp: JsonPath }
  | { kind: 'template'; template: string; t: GoTemplate }
  | { kind: 'custom-columns'; columns: Column[] };

/** OutputError is a bad -o value or a failed template; the message is kubectl's, partialOutput goes to stdout first. */
export class OutputError extends Error {
  partialOutput?: string;
}

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/**
 * parseOutput resolves -o and --template into a printer description as
 * kubectl's PrintFlags do; readFile reads the *-file variants.
 */
export function parseOutput(output: string, templateFlag: string, allowMissingKeys: boolean, readFile: (path: string) => string): OutputSpec {
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  let arg = eq < 0 ? templateFlag : output.slice(eq + 1);
  switch (format) {
    case '':
      return { kind: 'table', wide: false };
    case 'wide':
      return { kind: 'table', wide: true };
    case 'json':
    case 'yaml':
    case 'name':
      return { kind: format };
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (!arg) throw new OutputError('template format specified but no template given');
      if (format === 'jsonpath-file') arg = readFile(arg);
      try {
        return { kind: 'jsonpath', template: arg, asJson: format === 'jsonpath-as-json', jp: new JsonPath(arg, allowMissingKeys, format === 'jsonpath-as-json') };
      } catch (e) {
        if (e instanceof JsonPathParseError) throw new OutputError(`error parsing jsonpath ${arg}, ${e.message}`);
        throw e;
      }
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile': {
      if (!arg) throw new OutputError('template format specified but no template given');
      if (format.endsWith('file')) arg = readFile(arg);
      try {
        return { kind: 'template', template: arg, t: new GoTemplate(arg, allowMissingKeys) };
      } catch (e) {
        if (e instanceof TemplateParseError) throw new OutputError(`error parsing template ${arg}, template: ${e.message}`);
        throw e;
      }
    }
    case 'custom-columns':
      return { kind: 'custom-columns', columns: parseCustomColumns(arg) };
    case 'custom-columns-file':
      return { kind: 'custom-columns', columns: parseCustomColumnsFile(readFile(arg)) };
  }
  throw new OutputError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
}

/** runJsonPath prints one object through a jsonpath spec, with kubectl's long error text on failure. */
export function runJsonPath(spec: Extract<OutputSpec, { kind: 'jsonpath' }>, obj: unknown): string {
  try {
    return spec.jp.execute(obj);
  } catch (e) {
    if (e instanceof JsonPathExecError) {
      const detail = `Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${spec.template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
      throw new OutputError(`error executing jsonpath ${JSON.stringify(spec.template)}: ${detail}\n`);
    }
    throw e;
  }
}

/** runTemplate prints one object through a Go template; a failure prints kubectl's debugging text on stdout first. */
export function runTemplate(spec: Extract<OutputSpec, { kind: 'template' }>, obj: unknown): string {
  try {
    return spec.t.execute(obj);
  } catch (e) {
    if (e instanceof TemplateExecError) {
      let where = 'template: output';
      if (e.pos !== undefined) {
        const before = spec.template.slice(0, e.pos);
        const line = 1 + (before.match(/\n/g) ?? []).length;
        const nl = before.lastIndexOf('\n');
        where += `:${line}:${nl < 0 ? e.pos : e.pos - nl - 1}: executing "output" at <${e.at}>`;
      }
      const err = `${where}: ${e.message}`;
      const out = new OutputError(`error executing template ${JSON.stringify(spec.template)}: ${err}`);
      out.partialOutput = `Error executing template: ${err}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${spec.template}\n\traw data was:\n\t\t${goJson(obj)}\n\tobject given to template engine was:\n\t\t${goText(obj)}\n\n`;
      throw out;
    }
    throw e;
  }
}
