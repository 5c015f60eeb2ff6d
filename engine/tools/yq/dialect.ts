import type { Native } from '../jq/builtins.ts';
import { isObject, JqError, type Value } from '../jq/values.ts';
import { parseDocuments, toYamlText } from './yaml-io.ts';
import { absPath } from '../../host/fs/path.ts';
import type { Process } from '../../host/process.ts';

/**
 * yq v4's operators where they differ from jq's, written on the shared jq
 * interpreter: map keys in document order, env/strenv, load, with, pick,
 * omit, filter, sort_keys, to_yaml/from_yaml, tag, document_index.
 */
export const YQ_PRELUDE = `
def keys: keys_unsorted;
def upcase: ascii_upcase;
def downcase: ascii_downcase;
def filter(f): map(select(f));
def with(p; f): p |= f;
def pick($ks): . as $in | reduce $ks[] as $k ({}; if $in | has($k) then . + {($k): $in[$k]} else . end);
def omit($ks): . as $in | reduce $ks[] as $k ($in; del(.[$k]));
def sort_keys(f): f |= (if type == "object" then to_entries | sort_by(.key) | from_entries else . end);
def to_json: tojson;
def from_json: fromjson;
def to_number: tonumber;
def to_string: tostring;
def di: document_index;
def fi: file_index;
def splitDoc: .;
def split_doc: .;
def tag: type as $t | if $t == "object" then "!!map" elif $t == "array" then "!!seq" elif $t == "string" then "!!str" elif $t == "boolean" then "!!bool" elif $t == "null" then "!!null" elif . == floor then "!!int" else "!!float" end;
`;

/** DocContext is what yq's per-document operators read. */
export interface DocContext {
  documentIndex: number;
  fileIndex: number;
  filename: string;
}

export function yqNatives(p: Process, doc: () => DocContext): Record<string, Native> {
  const one = (f: (x: Value, a: Value[]) => Value): Native =>
    function* (c) {
      const args = c.args.map((a) => c.ev.first(a, c.cur.v, c.sc) ?? null);
      yield { v: f(c.cur.v, args), p: c.cur.p === undefined ? undefined : null };
    };
  const envValue = (name: Value): string => {
    if (typeof name !== 'string') throw new JqError('env name must be a string');
    const v = p.env[name];
    if (v === undefined) throw new JqError(`Value for env variable '${name}' not provided in env()`);
    return v;
  };
  const readFile = (f: Value): string => {
    if (typeof f !== 'string') throw new JqError('filename must be a string');
    try {
      return p.fs.readFile(absPath(p.cwd, f));
    } catch {
      throw new JqError(`open ${f}: no such file or directory`);
    }
  };
  return {
    // yq answers false where jq would refuse to look for a key in a scalar
    'has/1': one((x, [k]) => (isObject(x) ? typeof k === 'string' && x.has(k) : Array.isArray(x) ? typeof k === 'number' && k >= 0 && k < x.length : false)),
    'env/1': one((_x, [n]) => {
      const docs = parseDocuments(envValue(n!));
      return docs[0]?.value ?? null;
    }),
    'strenv/1': one((_x, [n]) => envValue(n!)),
    'load/1': one((_x, [f]) => parseDocuments(readFile(f!))[0]?.value ?? null),
    'load_str/1': one((_x, [f]) => readFile(f!)),
    'to_yaml/0': one((x) => toYamlText(x, 2)),
    'from_yaml/0': one((x) => {
      if (typeof x !== 'string') throw new JqError('from_yaml needs a string');
      return parseDocuments(x)[0]?.value ?? null;
    }),
    'to_yaml/1': one((x) => toYamlText(x, 2)),
    'document_index/0': one(() => doc().documentIndex),
    'file_index/0': one(() => doc().fileIndex),
    'filename/0': one(() => doc().filename),
    'kind/0': one((x) => (Array.isArray(x) ? 'seq' : isObject(x) ? 'map' : 'scalar')),
  };
}
