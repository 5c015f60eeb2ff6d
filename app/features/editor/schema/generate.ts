/**
 * Writes kubernetes.schema.json, the editor's schema for Kubernetes
 * manifests, from the API definitions in the `kubernetes-types` package.
 * Run: node --import tsx app/features/editor/schema/generate.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from './build.ts';
import { parseModule, type Module } from './dts.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** readModules parses every declaration file of the kubernetes-types package. */
export function readModules(root = join(here, '../../../../node_modules/kubernetes-types')): Module[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(root);
  return files.sort().map((f) => parseModule(relative(root, f).replace(/\.d\.ts$/, ''), readFileSync(f, 'utf8')));
}

/** schemaText is the file's content: stable key order, one line per definition for readable diffs. */
export function schemaText(): string {
  const { definitions, ...head } = buildSchema(readModules());
  const defs = Object.entries(definitions as Record<string, unknown>).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const top = JSON.stringify(head, null, 1).slice(0, -2);
  return `${top},\n "definitions": {\n${defs.join(',\n')}\n }\n}\n`;
}

/** SCHEMA_FILE is where the generated schema lives. */
export const SCHEMA_FILE = join(here, 'kubernetes.schema.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${relative(process.cwd(), SCHEMA_FILE)}`);
}
