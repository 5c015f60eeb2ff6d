import { fieldErr, type FieldError } from '../../base/errors.ts';
import { each, isDns1123Label, isDns1123Subdomain } from './names.ts';
import { isSet, list, num, rec, str, type Obj } from './util.ts';

/** Pod volumes (ValidateVolumes, validateVolumeSource) for the sources a CKA task uses. */

const SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function required(v: unknown, path: string): FieldError[] {
  return str(v) ? [] : [fieldErr.required(path, '')];
}

/** validateVolumeSource checks one volume source under path (a pod's volume or a PersistentVolume's spec). */
export function validateVolumeSource(src: string, v: Obj, path: string): FieldError[] {
  const p = `${path}.${src}`;
  switch (src) {
    case 'hostPath': {
      const errs = required(v.path, `${p}.path`);
      const t = str(v.type);
      if (isSet(v.type) && !HOST_PATH_TYPES.includes(t)) errs.push(fieldErr.notSupported(`${p}.type`, t, HOST_PATH_TYPES));
      return errs;
    }
    case 'secret':
      return str(v.secretName) ? each(`${p}.secretName`, str(v.secretName), isDns1123Subdomain(str(v.secretName))) : [fieldErr.required(`${p}.secretName`, '')];
    case 'configMap':
      return str(v.name) ? each(`${p}.name`, str(v.name), isDns1123Subdomain(str(v.name))) : [fieldErr.required(`${p}.name`, '')];
    case 'persistentVolumeClaim':
      return required(v.claimName, `${p}.claimName`);
    case 'nfs': {
      const errs = [...required(v.server, `${p}.server`), ...required(v.path, `${p}.path`)];
      if (str(v.path) && !str(v.path).startsWith('/')) errs.push(fieldErr.invalid(`${p}.path`, str(v.path), 'must be an absolute path'));
      return errs;
    }
    case 'emptyDir': {
      const medium = str(v.medium);
      if (medium && medium !== 'Memory') return [fieldErr.notSupported(`${p}.medium`, medium, ['', 'Memory'])];
      return [];
    }
    case 'csi':
      return required(v.driver, `${p}.driver`);
    case 'projected':
      return list(v.sources).flatMap((s, i) => {
        const sp = `${p}.sources[${i}]`;
        if (isSet(s.serviceAccountToken) && num(rec(s.serviceAccountToken).expirationSeconds) !== 0 && num(rec(s.serviceAccountToken).expirationSeconds) < 600) {
          return [fieldErr.invalid(`${sp}.serviceAccountToken.expirationSeconds`, num(rec(s.serviceAccountToken).expirationSeconds), 'may not specify a duration less than 10 minutes')];
        }
        return [];
      });
    default:
      return [];
  }
}

/** validateVolumes checks spec.volumes and returns the names pods may mount. */
export function validateVolumes(volumes: unknown, path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  list(volumes).forEach((vol, i) => {
    const ip = `${path}[${i}]`;
    const present = SOURCES.filter((s) => isSet(vol[s]));
    if (present.length === 0) errs.push(fieldErr.required(ip, 'must specify a volume type'));
    else {
      for (const extra of present.slice(1)) errs.push(fieldErr.forbidden(`${ip}.${extra}`, 'may not specify more than 1 volume type'));
      errs.push(...validateVolumeSource(present[0]!, rec(vol[present[0]!]), ip));
    }
    const name = str(vol.name);
    if (!name) errs.push(fieldErr.required(`${ip}.name`, ''));
    else errs.push(...each(`${ip}.name`, name, isDns1123Label(name)));
    if (names.has(name)) errs.push(fieldErr.duplicate(`${ip}.name`, name));
    else if (name) names.add(name);
  });
  return { names, errs };
}
