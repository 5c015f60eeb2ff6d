import { apiVersionOf, type KObject, type ResourceDef } from '../api/types.ts';
import { hpaV1ToV2, hpaV2ToV1 } from '../api/resources/autoscaling/convert.ts';

/**
 * Conversion between served versions of one kind that share storage. Objects
 * are stored in one version (the storage version) and converted on the way in
 * and out, as the apiserver's conversion layer does.
 */
const CONVERTERS: Record<string, (o: KObject) => KObject> = {
  'autoscaling/v1/HorizontalPodAutoscaler->autoscaling/v2': hpaV1ToV2,
  'autoscaling/v2/HorizontalPodAutoscaler->autoscaling/v1': hpaV2ToV1,
};

/** STORAGE_VERSION names the stored version of kinds served at several versions. */
const STORAGE_VERSION: Record<string, string> = { 'autoscaling/HorizontalPodAutoscaler': 'autoscaling/v2' };

function convert(obj: KObject, to: string): KObject {
  if (obj.apiVersion === to) return obj;
  const f = CONVERTERS[`${obj.apiVersion}/${obj.kind}->${to}`];
  return f ? f(obj) : { ...obj, apiVersion: to };
}

/** toStorage converts an object written through def's version to the storage version. */
export function toStorage(def: ResourceDef, obj: KObject): KObject {
  const storage = STORAGE_VERSION[`${def.group}/${def.kind}`];
  return storage ? convert({ ...obj, apiVersion: apiVersionOf(def) }, storage) : obj;
}

/** fromStorage converts a stored object to the version def serves. */
export function fromStorage(def: ResourceDef, obj: KObject): KObject {
  const want = apiVersionOf(def);
  if (obj.apiVersion === want && obj.kind === def.kind) return obj;
  if (obj.kind === def.kind) return convert(obj, want);
  return { ...obj, apiVersion: want, kind: def.kind };
}
