import { describe, expect, it } from 'vitest';
import { makeImageCatalog } from './catalog.ts';
import { parseImageRef } from './refs.ts';
import { WORKLOAD_IMAGES } from './workloads.ts';

describe('image references and the catalogue', () => {
  it('normalises references like the docker reference library', () => {
    expect(parseImageRef('nginx')).toMatchObject({ fullRef: 'docker.io/library/nginx:latest' });
    expect(parseImageRef('curlimages/curl:8.10.1')).toMatchObject({ fullRef: 'docker.io/curlimages/curl:8.10.1' });
    expect(parseImageRef('registry.k8s.io/pause:3.10')).toMatchObject({ registry: 'registry.k8s.io', path: 'pause', tag: '3.10' });
    expect(parseImageRef('localhost:5000/app')).toMatchObject({ registry: 'localhost:5000', fullRef: 'localhost:5000/app:latest' });
    expect(parseImageRef('NGINX')).toEqual({ error: 'invalid reference format: repository name (library/NGINX) must be lowercase' });
  });

  it('resolves known tags and answers registries\' errors for the rest', () => {
    const cat = makeImageCatalog(WORKLOAD_IMAGES);
    const hit = cat.lookup('nginx:1.25');
    expect('def' in hit && hit.def.env['NGINX_VERSION']).toBe('1.25.5');
    const latest = cat.lookup('docker.io/library/nginx');
    expect('def' in latest && latest.tag).toBe('latest');
    if (!('digest' in hit)) throw new Error('expected a hit');
    expect(cat.lookup(`nginx@${hit.digest}`)).toMatchObject({ tag: '1.25' });
    expect(cat.lookup('nginx:doesnotexist')).toEqual({ error: 'not-found', message: 'docker.io/library/nginx:doesnotexist: not found' });
    expect(cat.lookup('nosuchimage')).toMatchObject({ error: 'unauthorized' });
    expect(cat.lookup('registry.k8s.io/nosuch:1.0')).toEqual({ error: 'not-found', message: 'registry.k8s.io/nosuch:1.0: not found' });
  });
});
