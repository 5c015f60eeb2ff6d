import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Factory } from '../../factory.ts';
import { WrappedError } from './common.ts';

/**
 * The data sources of configmaps and secrets (--from-literal, --from-file
 * [key=]path incl. folders, --from-env-file) and the content hash that
 * --append-hash and kustomize's generators add to the name.
 */

/** KeyValue is one entry read from a source. */
export interface KeyValue {
  key: string;
  value: string;
}

/** parseLiteral is util.ParseLiteralSource: key=value split at the first "=". */
export function parseLiteral(s: string): KeyValue {
  const i = s.indexOf('=');
  if (i <= 0) throw new WrappedError(`invalid literal source ${s}, expected key=value`);
  return { key: s.slice(0, i), value: s.slice(i + 1) };
}

function basename(p: string): string {
  const parts = p.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1]!;
}

/** readFileSources reads --from-file entries: a file (key = its name or the given key) or every regular file of a folder. */
export function readFileSources(f: Factory, sources: string[]): KeyValue[] {
  const out: KeyValue[] = [];
  const fs = f.proc.fs;
  for (const src of sources) {
    const eq = src.indexOf('=');
    let key: string;
    let path: string;
    if (eq < 0) {
      path = src;
      key = basename(src);
    } else {
      key = src.slice(0, eq);
      path = src.slice(eq + 1);
      if (!key || !path) throw new WrappedError('key names or file paths cannot be empty');
    }
    const abs = f.abs(path);
    if (!fs.exists(abs)) throw new WrappedError(`error reading ${path}: no such file or directory`);
    if (fs.stat(abs).type === 'dir') {
      if (eq >= 0) throw new WrappedError('cannot give a key name for a directory path');
      for (const entry of fs.readdir(abs).sort()) {
        const p = `${abs.replace(/\/$/, '')}/${entry}`;
        if (fs.stat(p).type === 'file') out.push({ key: entry, value: fs.readFile(p) });
      }
    } else {
      out.push({ key, value: fs.readFile(abs) });
    }
  }
  return out;
}

/** readEnvFile is cmdutil.AddFromEnvFile: KEY=VALUE lines, # comments, blank lines skipped, a bare KEY takes the environment's value. */
export function readEnvFile(f: Factory, path: string, kindLabel: 'config' | 'secret'): KeyValue[] {
  const fs = f.proc.fs;
  const abs = f.abs(path);
  if (!fs.exists(abs)) throw new WrappedError(`error reading ${path}: no such file or directory`);
  if (fs.stat(abs).type === 'dir') throw new WrappedError(`env ${kindLabel} file cannot be a directory`);
  const out: KeyValue[] = [];
  const lines = fs.readFile(abs).split('\n');
  lines.forEach((raw, i) => {
    const line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    const t = line.replace(/^[\s]+/, '');
    if (t === '' || t.startsWith('#')) return;
    const eq = t.indexOf('=');
    const key = eq < 0 ? t.trimEnd() : t.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
      throw new WrappedError(`"${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
    }
    if (eq < 0) {
      const v = f.proc.env[key];
      if (v !== undefined) out.push({ key, value: v });
      return;
    }
    out.push({ key, value: t.slice(eq + 1) });
  });
  return out;
}

/** configMapKeyErrors is validation.IsConfigMapKey. */
export function configMapKeyErrors(k: string): string[] {
  const errs: string[] = [];
  if (k.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(k)) errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  if (k === '.') errs.push("must not be '.'");
  else if (k === '..') errs.push("must not be '..'");
  else if (k.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** sortedRecord returns a map with its keys in Go's sorted order (Go marshals maps sorted). */
export function sortedRecord(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k]!;
  return out;
}

function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function goJsonMap(m: Record<string, string>): string {
  return `{${Object.keys(m)
    .sort()
    .map((k) => `${goJsonString(k)}:${goJsonString(m[k]!)}`)
    .join(',')}}`;
}

function encodeHash(hex: string): string {
  const sub: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((ch) => sub[ch] ?? ch).join('');
}

/** configMapHash is the name suffix of --append-hash (kubectl's hash.ConfigMapHash). */
export function configMapHash(name: string, data: Record<string, string>): string {
  const enc = `{"data":${goJsonMap(data)},"kind":"ConfigMap","name":${goJsonString(name)}}`;
  return encodeHash(bytesToHex(sha256(utf8ToBytes(enc))));
}

/** secretHash is hash.SecretHash; data holds base64 values (as []byte marshals). */
export function secretHash(name: string, type: string, data: Record<string, string>): string {
  const enc = `{"data":${goJsonMap(data)},"kind":"Secret","name":${goJsonString(name)},"type":${goJsonString(type)}}`;
  return encodeHash(bytesToHex(sha256(utf8ToBytes(enc))));
}
