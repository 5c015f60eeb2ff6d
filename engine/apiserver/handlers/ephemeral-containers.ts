import { clone, deepEqual } from '../../base/deep.ts';
import { fieldErr, invalid, type FieldError } from '../../base/errors.ts';
import type { KObject } from '../../api/types.ts';
import { validateContainer } from '../../api/validation/container.ts';
import { list, rec, str, type Obj } from '../../api/validation/util.ts';
import { specDiff } from '../../api/validation/pod-update.ts';

/**
 * withEphemeralContainers is the pods/ephemeralcontainers strategy: of what
 * the client sent only spec.ephemeralContainers is taken; containers may be
 * added, never changed or removed (ValidatePodEphemeralContainersUpdate), and
 * each new one follows the ephemeral container rules (no ports, probes,
 * lifecycle or resources; a name unique in the pod; a target that exists).
 * Returns the pod to write, or throws the apiserver's Invalid error.
 */
export function withEphemeralContainers(old: KObject, incoming: KObject, defaults: (obj: KObject) => void): KObject {
  const obj = clone(old) as KObject;
  const spec = rec(obj.spec);
  spec.ephemeralContainers = clone(list(rec(incoming.spec).ephemeralContainers));
  defaults(obj);
  const oldSpec = rec(old.spec);
  const next = list(spec.ephemeralContainers);
  const errs: FieldError[] = [];
  for (const was of list(oldSpec.ephemeralContainers)) {
    const now = next.find((c) => str(c.name) === str(was.name));
    if (!now) errs.push(fieldErr.forbidden('spec.ephemeralContainers', `existing ephemeral containers "${str(was.name)}" may not be removed\n`));
    else if (!deepEqual(was, now)) errs.push(fieldErr.forbidden('spec.ephemeralContainers', `existing ephemeral containers "${str(was.name)}" may not be changed\n${specDiff(was as Obj, now)}`));
  }
  const volumes = new Set(list(spec.volumes).map((v) => str(v.name)));
  const regular = [...list(spec.containers), ...list(spec.initContainers)].map((c) => str(c.name));
  const seen = new Set<string>(regular);
  next.forEach((c, i) => {
    const path = `spec.ephemeralContainers[${i}]`;
    if (list(oldSpec.ephemeralContainers).some((was) => str(was.name) === str(c.name))) {
      seen.add(str(c.name));
      return;
    }
    errs.push(...validateContainer(c, volumes, path, 'ephemeral'));
    for (const f of ['ports', 'resources']) {
      const v = c[f];
      if (v !== undefined && !(f === 'resources' && deepEqual(v, {}))) errs.push(fieldErr.forbidden(`${path}.${f}`, 'cannot be set for an Ephemeral Container'));
    }
    if (seen.has(str(c.name))) errs.push(fieldErr.duplicate(`${path}.name`, str(c.name)));
    seen.add(str(c.name));
    const target = str(c.targetContainerName);
    if (target && !regular.includes(target)) errs.push(fieldErr.notFound(`${path}.targetContainerName`, target));
  });
  if (errs.length) throw invalid({ group: '', kind: 'Pod' }, old.metadata.name ?? '', errs);
  return obj;
}
