import { describe, expect, it } from 'vitest';
import { languageFor, modelUri } from './language.ts';

describe('editor files', () => {
  it('chooses YAML for manifests and kubectl edit buffers', () => {
    expect(languageFor('/root/pod.yaml', '')).toBe('yaml');
    expect(languageFor('/tmp/kubectl-edit-2914.yaml', '')).toBe('yaml');
    expect(languageFor('/root/web', 'apiVersion: v1\nkind: Pod\n')).toBe('yaml');
    expect(languageFor('/etc/hosts', '127.0.0.1 localhost\n')).toBe('plaintext');
  });

  it('gives edit buffers their own model names', () => {
    expect(modelUri({ key: 'controlplane:/root/pod.yaml', host: 'controlplane', path: '/root/pod.yaml', kind: 'file' })).toBe('file:///controlplane/root/pod.yaml');
    expect(modelUri({ key: 'edit:7', host: 'controlplane', path: '/root/pod.yaml', kind: 'edit', requestId: '7' })).toBe('file:///edit-7/controlplane/root/pod.yaml');
  });
});
