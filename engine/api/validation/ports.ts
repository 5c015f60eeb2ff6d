import { fieldErr, type FieldError } from '../../base/errors.ts';
import { each, isValidPortName, isValidPortNum } from './names.ts';
import { list, num, str } from './util.ts';

/** Port checks shared by containers, probes and services (validateContainerPorts, ValidatePortNumOrName). */

/** PROTOCOLS is supportedPortProtocols, sorted as sets.List sorts it. */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** validatePortNumOrName is ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return each(path, port, isValidPortNum(port));
  if (typeof port === 'string') return each(path, port, isValidPortName(port));
  return [fieldErr.invalid(path, port ?? '', 'must be an integer or a string')];
}

/** validateContainerPorts is validateContainerPorts. */
export function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(ports).forEach((p, i) => {
    const ip = `${path}[${i}]`;
    const name = str(p.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...each(`${ip}.name`, name, msgs));
      else if (names.has(name)) errs.push(fieldErr.duplicate(`${ip}.name`, name));
      else names.add(name);
    }
    const cp = num(p.containerPort);
    if (cp === 0) errs.push(fieldErr.required(`${ip}.containerPort`, ''));
    else errs.push(...each(`${ip}.containerPort`, cp, isValidPortNum(cp)));
    const hp = num(p.hostPort);
    if (hp !== 0) errs.push(...each(`${ip}.hostPort`, hp, isValidPortNum(hp)));
    const proto = str(p.protocol);
    if (!proto) errs.push(fieldErr.required(`${ip}.protocol`, ''));
    else if (!PROTOCOLS.includes(proto)) errs.push(fieldErr.notSupported(`${ip}.protocol`, proto, PROTOCOLS));
  });
  return errs;
}

/** hostPortConflicts is checkHostPortConflicts across a pod's containers. */
export function hostPortConflicts(containers: unknown, path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  for (const c of list(containers)) {
    for (const p of list(c.ports)) {
      const hp = num(p.hostPort);
      if (hp === 0) continue;
      const key = `${str(p.hostIP)}/${hp}/${str(p.protocol)}`;
      if (seen.has(key)) errs.push(fieldErr.duplicate(path, `${str(p.hostIP)}:${hp}/${str(p.protocol)}`));
      seen.add(key);
    }
  }
  return errs;
}
