import { describe, expect, it } from 'vitest';
import { runTool } from '../jq/testing/run.ts';
import { yqProgram } from './program.ts';

/**
 * The machine's own /usr/bin/yq is kislyuk's Python jq wrapper, not the yq
 * the lab ships (mikefarah's v4), so these cases come from yq v4's
 * documentation (pkg/yqlib/doc/operators/*.md, generated from yq's own
 * tests): sample.yml, the expression, and the output the docs show.
 */
const DOC_EXAMPLES: Array<{ doc: string; sample?: string; expr: string; want: string; env?: Record<string, string>; nullInput?: boolean }> = [
  { doc: 'delete.md', sample: '{a: cat, b: dog}\n', expr: 'del(.b)', want: '{a: cat}\n' },
  { doc: 'delete.md', sample: '{a: {a1: fred, a2: frood}}\n', expr: 'del(.a.a1)', want: '{a: {a2: frood}}\n' },
  { doc: 'delete.md', sample: '[1, 2, 3]\n', expr: 'del(.[1])', want: '[1, 3]\n' },
  { doc: 'delete.md', sample: '[{a: cat, b: dog}]\n', expr: 'del(.[0].a)', want: '[{b: dog}]\n' },
  { doc: 'delete.md', sample: '{a: cat, b: dog}\n', expr: 'del(.c)', want: '{a: cat, b: dog}\n' },
  { doc: 'delete.md', sample: '{a: cat, b: dog, c: bat}\n', expr: 'del( .[] | select(. == "*at") )', want: '{b: dog}\n' },
  { doc: 'delete.md', sample: '{a: {name: frog, b: {name: blog, age: 12}}}\n', expr: 'del(.. | select(has("name")).name)', want: '{a: {b: {age: 12}}}\n' },
  { doc: 'select.md', sample: '- cat\n- goat\n- dog\n', expr: '.[] | select(. == "*at")', want: 'cat\ngoat\n' },
  { doc: 'select.md', sample: '- go-kart\n- goat\n- dog\n', expr: '.[] | select(. == "go*")', want: 'go-kart\ngoat\n' },
  { doc: 'select.md', sample: '- ago\n- go\n- meow\n- going\n', expr: '.[] | select(. == "*go*")', want: 'ago\ngo\ngoing\n' },
  { doc: 'select.md', sample: '- this_0\n- not_this\n- nor_0_this\n- thisTo_4\n', expr: '.[] | select(test("[a-zA-Z]+_[0-9]$"))', want: 'this_0\nthisTo_4\n' },
  { doc: 'select.md', sample: 'things: cat\nbob: goat\nhorse: dog\n', expr: '.[] | select(. == "cat" or test("og$"))', want: 'cat\ndog\n' },
  { doc: 'select.md', sample: 'name: bob\nlegs: 2\ngame: poker\n', expr: 'with_entries(select(.key | test("ame$")))', want: 'name: bob\ngame: poker\n' },
  { doc: 'select.md', sample: 'a:\n  things: cat\n  bob: goat\n  horse: dog\n', expr: '(.a.[] | select(. == "cat" or . == "goat")) |= "rabbit"', want: 'a:\n  things: rabbit\n  bob: rabbit\n  horse: dog\n' },
  { doc: 'assign-update.md', nullInput: true, expr: '.a.b = "cat" | .x = "frog"', want: 'a:\n  b: cat\nx: frog\n' },
  { doc: 'assign-update.md', sample: 'a:\n  b:\n    g: foof\n', expr: '.a |= .b', want: 'a:\n  g: foof\n' },
  { doc: 'assign-update.md', sample: '- 1\n- 2\n- 3\n', expr: '.[] |= . * 2', want: '- 2\n- 4\n- 6\n' },
  { doc: 'assign-update.md', sample: 'a:\n  b: child\nb: sibling\n', expr: '.a = .b', want: 'a: sibling\nb: sibling\n' },
  { doc: 'assign-update.md', sample: 'a: fieldA\nb: fieldB\nc: fieldC\n', expr: '(.a, .c) = "potato"', want: 'a: potato\nb: fieldB\nc: potato\n' },
  { doc: 'assign-update.md', sample: 'a:\n  b: apple\n', expr: '.a.b = "frog"', want: 'a:\n  b: frog\n' },
  { doc: 'assign-update.md', sample: 'a:\n  b: apple\n', expr: '.a.b |= "frog"', want: 'a:\n  b: frog\n' },
  { doc: 'assign-update.md', sample: 'a:\n  b: apple\n  c: cactus\n', expr: '(.a[] | select(. == "apple")) = "frog"', want: 'a:\n  b: frog\n  c: cactus\n' },
  { doc: 'assign-update.md', sample: '- candy\n- apple\n- sandy\n', expr: '(.[] | select(. == "*andy")) = "bogs"', want: '- bogs\n- apple\n- bogs\n' },
  { doc: 'assign-update.md', sample: '{}\n', expr: '.a.b |= "bogs"', want: 'a:\n  b: bogs\n' },
  { doc: 'assign-update.md', sample: 'a: &cool cat\n', expr: '.a = "dog"', want: 'a: &cool dog\n' },
  { doc: 'assign-update.md', sample: '{}\n', expr: '.a.b.[0] |= "bogs"', want: 'a:\n  b:\n    - bogs\n' },
  { doc: 'env-variable-operators.md', nullInput: true, env: { myenv: 'cat meow' }, expr: '.a = env(myenv)', want: 'a: cat meow\n' },
  { doc: 'env-variable-operators.md', nullInput: true, env: { myenv: 'true' }, expr: '.a = env(myenv)', want: 'a: true\n' },
  { doc: 'env-variable-operators.md', nullInput: true, env: { myenv: '12' }, expr: '.a = env(myenv)', want: 'a: 12\n' },
  { doc: 'env-variable-operators.md', nullInput: true, env: { myenv: 'true' }, expr: '.a = strenv(myenv)', want: 'a: "true"\n' },
  { doc: 'env-variable-operators.md', nullInput: true, env: { myenv: '12' }, expr: '.a = strenv(myenv)', want: 'a: "12"\n' },
  { doc: 'env-variable-operators.md', sample: 'cat: meow\ndog: woof\n', env: { myenv: 'cat' }, expr: '.[env(myenv)]', want: 'meow\n' },
];

describe('yq v4 documentation examples', () => {
  it.each(DOC_EXAMPLES.map((c) => [`${c.doc}: ${c.expr}`, c] as const))('%s', async (_name, c) => {
    const args = c.nullInput ? ['yq', '--null-input', c.expr] : ['yq', c.expr, 'sample.yml'];
    const r = await runTool(yqProgram, args, { files: c.sample ? { 'sample.yml': c.sample } : {}, env: { HOME: '/root', ...c.env } });
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.want, stderr: '', code: 0 });
  });
});

const DEPLOY = `# the web deployment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # its name
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: nginx
          image: "nginx:1.25"
---
apiVersion: v1
kind: Service
metadata:
  name: web-svc
`;

describe('yq on a lab host', () => {
  it('edits a file in place and keeps its comments and quoting', async () => {
    const r = await runTool(yqProgram, ['yq', '-i', 'select(.kind == "Deployment").spec.replicas = 3', 'deploy.yaml'], { files: { 'deploy.yaml': DEPLOY } });
    expect(r).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(r.fs.fs.readFile('/work/deploy.yaml')).toBe(DEPLOY.replace('replicas: 1', 'replicas: 3'));
  });

  it('separates the results of different documents with ---', async () => {
    const r = await runTool(yqProgram, ['yq', 'e', '.metadata.name', 'deploy.yaml'], { files: { 'deploy.yaml': DEPLOY } });
    expect(r.stdout).toBe('web\n---\nweb-svc\n');
  });

  it('reads stdin and prints JSON with -o json', async () => {
    const r = await runTool(yqProgram, ['yq', '-o', 'json', '.spec.template.spec.containers[0]'], { stdin: DEPLOY.split('---')[0] });
    expect(r.stdout).toBe('{\n  "name": "nginx",\n  "image": "nginx:1.25"\n}\n');
  });

  it('merges documents of several files with eval-all and ireduce', async () => {
    const r = await runTool(yqProgram, ['yq', 'ea', '. as $item ireduce ({}; . * $item)', 'a.yaml', 'b.yaml'], { files: { 'a.yaml': 'a: 1\nm:\n  x: 1\n', 'b.yaml': 'b: 2\nm:\n  y: 2\n' } });
    expect(r.stdout).toBe('a: 1\nm:\n  x: 1\n  y: 2\nb: 2\n');
  });

  it('refuses -i without a file and reports a missing file', async () => {
    expect(await runTool(yqProgram, ['yq', '-i', '.a = 1'])).toMatchObject({ code: 1, stderr: 'Error: write inplace flag only applicable when giving an expression and at least one file\n' });
    expect(await runTool(yqProgram, ['yq', '.a', 'nope.yaml'])).toMatchObject({ code: 1, stderr: 'Error: open nope.yaml: no such file or directory\n' });
  });

  it('reads a .json file as JSON and prints JSON unless -o says otherwise', async () => {
    const files = { 'p.json': '{"a": {"b": [1, 2]}}\n', 'x.yaml': 'c: 3\n' };
    expect((await runTool(yqProgram, ['yq', '.a', 'p.json'], { files })).stdout).toBe('{\n  "b": [\n    1,\n    2\n  ]\n}\n');
    expect((await runTool(yqProgram, ['yq', '-oy', '.a', 'p.json'], { files })).stdout).toBe('b:\n  - 1\n  - 2\n');
    // with a file first there is no expression: every argument is a file
    expect((await runTool(yqProgram, ['yq', 'x.yaml', 'x.yaml'], { files })).stdout).toBe('c: 3\n---\nc: 3\n');
  });

  it('sets the exit status with -e', async () => {
    expect(await runTool(yqProgram, ['yq', '-e', '.missing'], { stdin: 'a: 1\n' })).toMatchObject({ code: 1, stdout: 'null\n', stderr: 'Error: no matches found\n' });
    expect(await runTool(yqProgram, ['yq', '-e', '.a'], { stdin: 'a: 1\n' })).toMatchObject({ code: 0, stdout: '1\n' });
  });
});
