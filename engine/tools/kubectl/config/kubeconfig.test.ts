import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../../host/types.ts';
import { loadKubeconfig } from './kubeconfig.ts';

const TEXT = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://controlplane:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: admin
  name: admin@kubernetes
current-context: admin@kubernetes
users:
- name: admin
  user:
    token: admin
`;

function files(content: Record<string, string>): FileSystem {
  return { exists: (p: string) => p in content, readFile: (p: string) => content[p]! } as unknown as FileSystem;
}

describe('loadKubeconfig', () => {
  it('gives every caller its own copy of a file it has parsed before', () => {
    const fs = files({ '/root/.kube/config': TEXT });
    const first = loadKubeconfig(fs, ['/root/.kube/config'], false);
    first.clusters![0]!.cluster.server = 'https://elsewhere:6443';
    first['current-context'] = 'other';
    const second = loadKubeconfig(fs, ['/root/.kube/config'], false);
    expect(second.clusters![0]!.cluster.server).toBe('https://controlplane:6443');
    expect(second['current-context']).toBe('admin@kubernetes');
  });

  it('reads a changed file anew', () => {
    const content = { '/root/.kube/config': TEXT };
    const fs = files(content);
    loadKubeconfig(fs, ['/root/.kube/config'], false);
    content['/root/.kube/config'] = TEXT.replace('current-context: admin@kubernetes', 'current-context: other');
    expect(loadKubeconfig(fs, ['/root/.kube/config'], false)['current-context']).toBe('other');
  });
});
