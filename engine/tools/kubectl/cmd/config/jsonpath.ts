import { JsonPath } from '../../../../base/jsonpath/eval.ts';

/**
 * evalJsonPath runs a client-go JSONPath template over a value, as `config
 * view -o jsonpath=…` and `wait --for=jsonpath=…` do: missing keys print
 * nothing, several results are joined by a space, maps and lists print as
 * compact JSON.
 */
export function evalJsonPath(template: string, data: unknown): string {
  return new JsonPath(template).execute(data as never);
}
