import { clone, deepEqual } from '../../../../base/deep.ts';
import { WrappedError } from '../create/common.ts';

/** applyJsonPatch applies an RFC 6902 JSON patch (add, remove, replace, move, copy, test) locally. */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new WrappedError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let root = clone(doc);
  const parse = (p: string) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const get = (path: string[]): unknown => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root);
  const parentOf = (path: string[]) => get(path.slice(0, -1)) as Record<string, unknown> | unknown[] | undefined;
  for (const raw of ops as Record<string, unknown>[]) {
    const op = raw.op as string;
    const path = parse(String(raw.path ?? ''));
    const key = path[path.length - 1]!;
    const put = (value: unknown) => {
      if (path.length === 0) {
        root = value;
        return;
      }
      const parent = parentOf(path);
      if (Array.isArray(parent)) {
        const i = key === '-' ? parent.length : Number(key);
        if (op === 'add') parent.splice(i, 0, value);
        else parent[i] = value;
      } else if (parent && typeof parent === 'object') parent[key] = value;
      else throw new WrappedError(`add operation does not apply: doc is missing path: "${raw.path}": missing value`);
    };
    const remove = () => {
      const parent = parentOf(path);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else if (parent && typeof parent === 'object' && key in parent) delete parent[key];
      else throw new WrappedError(`remove operation does not apply: doc is missing path: "${raw.path}": missing value`);
    };
    switch (op) {
      case 'add':
        put(clone(raw.value));
        break;
      case 'replace':
        if (get(path) === undefined) throw new WrappedError(`replace operation does not apply: doc is missing key: ${raw.path}: missing value`);
        put(clone(raw.value));
        break;
      case 'remove':
        remove();
        break;
      case 'move':
      case 'copy': {
        const from = parse(String(raw.from ?? ''));
        const v = clone(from.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root));
        if (op === 'move') {
          const fp = parentOf(from);
          const fk = from[from.length - 1]!;
          if (Array.isArray(fp)) fp.splice(Number(fk), 1);
          else if (fp) delete (fp as Record<string, unknown>)[fk];
        }
        put(v);
        break;
      }
      case 'test':
        if (!deepEqual(get(path), raw.value)) throw new WrappedError('testing value failed');
        break;
      default:
        throw new WrappedError(`Unexpected kind: ${op}`);
    }
  }
  return root;
}
