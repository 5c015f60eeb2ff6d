/**
 * The OpenAPI definitions are large (the descriptions of every field), so
 * they load on their own, after the lab has started: the browser fetches
 * them as a separate chunk, Node reads them at once. Until they are in,
 * /openapi answers 503, as an apiserver still starting does.
 */
let definitions: Record<string, Record<string, unknown>> | undefined;
let loading: Promise<void> | undefined;

/** loadOpenApiDefinitions loads the schemas once; later calls share the first load. */
export function loadOpenApiDefinitions(): Promise<void> {
  loading ??= import('./definitions.generated.ts').then((m) => {
    definitions = JSON.parse(m.OPENAPI_DEFINITIONS_JSON) as Record<string, Record<string, unknown>>;
  });
  return loading;
}

/** openApiDefinitions returns the schemas by component name, or undefined while they load. */
export function openApiDefinitions(): Record<string, Record<string, unknown>> | undefined {
  return definitions;
}
