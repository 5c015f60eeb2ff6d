import { parseAllDocuments } from 'yaml';
import { readAll } from '../../../host/streams.ts';
import { download } from '../../../host/downloads.ts';
import type { KObject } from '../../../api/types.ts';
import type { Factory } from '../factory.ts';

/** Manifest is one object read from -f, with where it came from (for messages). */
export interface Manifest {
  obj: KObject;
  source: string;
}

/** ManifestError is a file that cannot be read or parsed; its message is kubectl's. */
export class ManifestError extends Error {}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** expandPaths turns -f arguments into files: folders list their manifest files (recursively with -R). */
function expandPaths(f: Factory, filenames: string[], recursive: boolean): string[] {
  const fs = f.proc.fs;
  const out: string[] = [];
  for (const name of filenames) {
    if (name === '-') {
      out.push('-');
      continue;
    }
    if (/^https?:\/\//.test(name)) {
      // The lab is offline: only the mirror's well-known release manifests answer.
      if (download(name) === undefined) throw new ManifestError(`unable to read URL "${name}", server reported 404 Not Found, status code=404`);
      out.push(name);
      continue;
    }
    const path = f.abs(name);
    if (!fs.exists(path)) throw new ManifestError(`the path "${name}" does not exist`);
    // sources keep the path as the user wrote it: kubectl's messages name it so
    if (fs.stat(path).type === 'dir') {
      const walk = (dir: string, shown: string) => {
        for (const entry of fs.readdir(dir).sort()) {
          const p = `${dir.replace(/\/$/, '')}/${entry}`;
          const st = fs.stat(p);
          if (st.type === 'dir') {
            if (recursive) walk(p, `${shown.replace(/\/$/, '')}/${entry}`);
          } else if (EXTENSIONS.some((e) => entry.endsWith(e))) {
            out.push(`${shown.replace(/\/$/, '')}/${entry}`);
          }
        }
      };
      walk(path, name);
    } else {
      out.push(name);
    }
  }
  return out;
}

/** parseManifestText splits YAML/JSON text into objects, unwrapping kind: List. */
export function parseManifestText(text: string, source: string): Manifest[] {
  const out: Manifest[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { version: '1.1' });
  } catch (e) {
    throw new ManifestError(`error parsing ${source}: ${(e as Error).message}`);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      const line = err.linePos?.[0]?.line ?? 0;
      throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(err.code, err.message)}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ManifestError(`error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const obj = value as KObject;
    if (obj.kind === 'List' || (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items))) {
      for (const item of (obj.items as KObject[]) ?? []) out.push({ obj: item, source });
    } else {
      out.push({ obj, source });
    }
  }
  return out;
}

/** goYamlMessage maps the yaml library's error codes to go-yaml's texts, which is what kubectl prints. */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'could not find expected \':\'';
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'DUPLICATE_KEY':
      return `mapping key ${/"([^"]*)"/.exec(message)?.[0] ?? ''} already defined`;
    default:
      return 'did not find expected key';
  }
}

/** readManifests reads every object named by -f (files, folders, "-" for stdin). */
export async function readManifests(f: Factory, filenames: string[], recursive: boolean): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const path of expandPaths(f, filenames, recursive)) {
    const text = path === '-' ? await readAll(f.proc.stdin) : (download(path) ?? f.proc.fs.readFile(f.abs(path)));
    out.push(...parseManifestText(text, path === '-' ? 'STDIN' : path));
  }
  return out;
}
