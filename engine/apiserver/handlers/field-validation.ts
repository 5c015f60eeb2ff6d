import { badRequest } from '../../base/errors.ts';
import { queryValue } from '../../api/transport.ts';
import type { KObject } from '../../api/types.ts';
import { decodeTyped, typeNameOf } from '../../api/schema/decode.ts';
import type { RequestScope } from '../context.ts';

/** FieldValidation is the `fieldValidation` query parameter of writes (kubectl sends Strict by default). */
type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

function modeOf(s: RequestScope): FieldValidation {
  const v = queryValue(s.req, 'fieldValidation') ?? '';
  if (v === 'Ignore' || v === 'Strict') return v;
  return 'Warn';
}

const SPEC: ReadonlySet<string> = new Set(['spec']);

/**
 * decodeFields decodes a written object as the apiserver's typed decoder
 * does: a value of the wrong type is a BadRequest ("Deployment in version
 * "v1" cannot be handled as a Deployment: json: cannot unmarshal string into
 * Go struct field DeploymentSpec.spec.replicas of type int32"); unknown fields
 * are an error with fieldValidation=Strict, a warning with Warn (the
 * default), and dropped either way, as decoding into the Go struct drops them.
 * Objects without a built-in type (custom resources) pass unchanged.
 */
export function decodeFields(s: RequestScope, obj: KObject): KObject {
  const apiVersion = String(obj.apiVersion ?? '');
  const typeName = typeNameOf(apiVersion, obj.kind);
  if (!typeName) return obj;
  // A status write uses only the body's metadata and status: a spec the client took from the stored object is not walked again.
  const r = decodeTyped(typeName, obj, s.info.subresource === 'status' ? SPEC : undefined);
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const prefix = `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: `;
  if (r.error) throw badRequest(prefix + r.error);
  if (r.unknown.length) {
    const mode = modeOf(s);
    if (mode === 'Strict') throw badRequest(`${prefix}strict decoding error: ${r.unknown.map((u) => `unknown field "${u}"`).join(', ')}`);
    if (mode === 'Warn') for (const u of r.unknown) s.warnings.push(`unknown field "${u}"`);
  }
  return r.value as KObject;
}
