import { JsonPath } from '../../engine/base/jsonpath/eval.ts';
import { JsonPathParseError } from '../../engine/base/jsonpath/parser.ts';

/**
 * JSONPath for checks, with kubectl's template syntax and printing (client-go's
 * JSONPath, the one kubectl uses): `{.spec.replicas}`, `{.items[*].metadata.name}`,
 * `{.status.conditions[?(@.type=="Ready")].status}`, `{.data.ca\.crt}`, `..name`,
 * literal text between templates. A bare path is read as one template.
 */

/** JsonPathError is a template that cannot be parsed or run. */
export class JsonPathError extends Error {}

function compile(template: string): JsonPath {
  try {
    return new JsonPath(template.includes('{') ? template : `{${template}}`);
  } catch (e) {
    throw new JsonPathError((e as Error).message);
  }
}

/** evalJsonPath evaluates a template against a value; a path that finds nothing prints as empty. */
export function evalJsonPath(template: string, data: unknown): string {
  const jp = compile(template);
  try {
    return jp.execute(data as never);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new JsonPathError(e.message);
    throw new JsonPathError((e as Error).message);
  }
}

/** queryJsonPath returns the values one path finds (its first result group). */
export function queryJsonPath(path: string, data: unknown): unknown[] {
  return compile(path).findResults(data as never)[0] ?? [];
}
