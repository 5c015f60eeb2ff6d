// Records engine/base/testdata/goyaml-*: how kubectl 1.33 prints strings and nested objects in YAML.
import { kubectl, save } from './lib.mjs';

const dir = new URL('../../engine/base/testdata/', import.meta.url).pathname;

const literals = {
  a: 'true', b: 'multi\nline', c: '', d: '*', e: ': x', f: '- a', g: '123', h: '{x}', i: ' lead', j: 'trail ',
  k: 'this is a very long string that should be folded by the yaml emitter because it is longer than eighty characters wide',
  l: 'ends with newline\n', m: 'a: b', n: '#c', o: 'a #c', p: '2024-01-01', q: 'yes', r: '~', s: 'héllo', item10: 'x', item9: 'y',
  Z: 'z', A_1: '1', t: "it's", u: 'tab\tx', v: '0x1F', w: '1e3', y: 'null', z1: 'a  b', z2: 'x\n\nwith blank\n', z3: '  two leading',
  z4: 'line one\nline two\n\n', z5: '"quoted"', z6: 'back\\slash', z7: 'on', z8: '1_000', z9: '.5', za: '0777', zb: '1:20', zc: '2001-12-14t21:59:43.10-05:00',
  zd: 'x'.repeat(90), ze: 'word '.repeat(30).trim(), zf: "it's a very long string with 'single quotes' that must be folded because it goes past the width",
  zg: 'a very long string with a tab\tinside that must be double quoted and also folded because it is long', zh: '@at', zi: '%pct', zj: '!bang', zk: '&amp', zl: '|pipe', zm: '>gt',
  zn: 'ends:', zo: 'mid:dle', zp: '? q', zq: '-', zr: '--- doc', zs: 'a,b', zt: '[a]', zu: 'trailing newline and space \nx', zv: '\nleading newline',
  '1': 'numeric key', '10': 'ten', '2': 'two', 'a-b': 'dash', ab: 'plain', 'a.b': 'dot', 'B': 'upper',
};

const args = ['create', 'configmap', 'x', '--dry-run=client', '-o', 'yaml'];
for (const [k, v] of Object.entries(literals)) args.push(`--from-literal=${k}=${v}`);
const r = kubectl(args);
if (r.code !== 0) throw new Error(r.stderr);
save(`${dir}goyaml-literals.yaml`, r.stdout);
save(`${dir}goyaml-literals.json`, JSON.stringify(literals, null, 2) + '\n');

const dep = ['create', 'deployment', 'web', '--image=nginx:1.27', '--image=busybox', '--replicas=3', '--port=80', '--dry-run=client'];
save(`${dir}goyaml-deployment.yaml`, kubectl([...dep, '-o', 'yaml']).stdout);
save(`${dir}goyaml-deployment.json`, kubectl([...dep, '-o', 'json']).stdout);
