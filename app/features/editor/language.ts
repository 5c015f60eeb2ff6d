/** languageFor picks the editor language of a file: YAML for manifests and YAML files, plain text otherwise. */
export function languageFor(path: string, content: string): 'yaml' | 'shell' | 'json' | 'plaintext' {
  if (/\.(ya?ml)$/i.test(path) || /(^|\/)kubectl-edit-/.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.(sh|bash)$/i.test(path) || content.startsWith('#!/bin/')) return 'shell';
  if (/^(apiVersion|kind):/m.test(content)) return 'yaml';
  return 'plaintext';
}

/** modelUri names a file's model; the YAML schema applies to *.yaml, *.yml and kubectl-edit-* names. */
export function modelUri(f: { key: string; host: string; path: string; kind: 'file' | 'edit'; requestId?: string }): string {
  const base = f.kind === 'edit' ? `/edit-${encodeURIComponent(f.requestId ?? f.key)}/${f.host}` : `/${f.host}`;
  const path = f.path.split('/').map(encodeURIComponent).join('/');
  return `file://${base}${path.startsWith('/') ? '' : '/'}${path}`;
}
