import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchPack, type Fetcher } from './remote-pack.ts';

const shipped = (f: string) => readFileSync(new URL(`../../../exercises/packs/rbac/${f}`, import.meta.url), 'utf8');

/** site serves files by URL, as a web server would; anything else is a 404. */
function site(files: Record<string, string>): Fetcher & { asked: string[] } {
  const asked: string[] = [];
  const f = async (url: string) => {
    asked.push(url);
    const text = files[url];
    if (text === undefined) throw new Error(`${url}: HTTP 404`);
    return text;
  };
  return Object.assign(f, { asked });
}

describe('fetchPack', () => {
  it('opens a pack.yaml and the exercise files it lists, beside it', async () => {
    const get = site({
      'https://class.example/k8s/pack.yaml': 'apiVersion: kubelab.dev/v1\nkind: Pack\nid: class\ntitle: Our class\nexercises: [pod-reader.yaml, fix-role.yaml]\n',
      'https://class.example/k8s/pod-reader.yaml': shipped('pod-reader.yaml'),
      'https://class.example/k8s/fix-role.yaml': shipped('fix-role.yaml'),
    });
    const r = await fetchPack('https://class.example/k8s/pack.yaml', get);
    expect(r.ok && r.pack.title).toBe('Our class');
    expect(r.ok && r.pack.exercises.map((e) => e.source)).toEqual(['pod-reader.yaml', 'fix-role.yaml']);
  });

  it('opens a single exercise file as a pack of one', async () => {
    const r = await fetchPack('https://x.example/pod-reader.yaml', site({ 'https://x.example/pod-reader.yaml': shipped('pod-reader.yaml') }));
    expect(r.ok && r.pack.exercises.length).toBe(1);
  });

  it('reports a missing file, a file outside the pack, and schema errors with file, line and column', async () => {
    const base = 'https://c.example/p/';
    const pack = (list: string) => `apiVersion: kubelab.dev/v1\nkind: Pack\nid: c\ntitle: C\nexercises: [${list}]\n`;
    let r = await fetchPack(`${base}pack.yaml`, site({ [`${base}pack.yaml`]: pack('gone.yaml') }));
    expect(!r.ok && r.errors[0]!.message).toBe(`gone.yaml: ${base}gone.yaml: HTTP 404`);
    const get = site({ [`${base}pack.yaml`]: pack('../secret.yaml, https://evil.example/x.yaml') });
    r = await fetchPack(`${base}pack.yaml`, get);
    expect(!r.ok && r.errors.map((e) => e.message).sort()).toEqual(["../secret.yaml: not inside the pack's folder", "https://evil.example/x.yaml: not inside the pack's folder"]);
    expect(get.asked).toEqual([`${base}pack.yaml`]);
    r = await fetchPack(`${base}bad.yaml`, site({ [`${base}bad.yaml`]: 'apiVersion: kubelab.dev/v1\nkind: Exercise\nid: x\ntitle: [unclosed\n' }));
    expect(!r.ok && r.errors[0]!.file).toBe('bad.yaml');
    expect(!r.ok && r.errors[0]!.line).toBeGreaterThan(0);
  });

  it('refuses what is not an http(s) URL', async () => {
    const r = await fetchPack('javascript:alert(1)', site({}));
    expect(!r.ok && r.errors[0]!.message).toBe('cannot read packs over javascript:');
  });
});
