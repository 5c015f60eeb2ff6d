import { describe, expect, it } from 'vitest';
import { GoTemplate } from './exec.ts';
import { TemplateExecError } from './funcs.ts';
import { TemplateParseError, type Defined } from './parse.ts';

const run = (src: string, data: unknown, opts = {}) => new GoTemplate(src, true, opts).execute(data);

describe('Go templates', () => {
  it('defines named templates and calls them with {{template}} and {{block}}', () => {
    expect(run('{{define "x"}}hi {{.}}{{end}}[{{template "x" "a"}}][{{template "x" .n}}]', { n: 3 })).toBe('[hi a][hi 3]');
    expect(run('{{block "b" .}}<{{.}}>{{end}}', 'v')).toBe('<v>');
    // without an argument the named template's dot is nil
    expect(run('{{define "y"}}{{.}}{{end}}[{{template "y"}}][{{template "y" .nokey}}][{{template "y" .nil}}]', { nil: null })).toBe('[<no value>][<no value>][<no value>]');
  });

  it('shares definitions across templates parsed into one set', () => {
    const defines = new Map<string, Defined>();
    new GoTemplate('{{define "name"}}{{.Release}}-app{{end}}', true, { name: 'chart/_helpers.tpl', defines });
    const t = new GoTemplate('name: {{template "name" .}}', true, { name: 'chart/deploy.yaml', defines });
    expect(t.execute({ Release: 'web' })).toBe('name: web-app');
    expect(t.executeNamed('name', { Release: 'db' })).toBe('db-app');
    expect(() => t.executeNamed('nope', {})).toThrow('no template "nope" associated with template "chart/deploy.yaml"');
  });

  it('fails on an undefined template and bad clauses', () => {
    expect(() => run('{{template "nope"}}', {})).toThrow(TemplateExecError);
    expect(() => run('{{template "nope"}}', {})).toThrow('template "nope" not defined');
    expect(() => run('{{define x}}{{end}}', {})).toThrow(TemplateParseError);
    expect(() => run('{{define "x" .}}{{end}}', {})).toThrow('output:1: unexpected "." in define clause');
  });

  it('bounds recursion', () => {
    expect(() => run('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', {})).toThrow('exceeded maximum template depth');
  });

  it('calls extra functions before the built-in ones', () => {
    const funcs = { upper: (a: unknown[]) => String(a[0]).toUpperCase(), len: () => 42 };
    expect(run('{{upper .s}} {{.s | upper}} {{len .s}}', { s: 'ab' }, { funcs })).toBe('AB AB 42');
    expect(() => run('{{upper .s}}', { s: 'ab' })).toThrow('function "upper" not defined');
  });

  it('evaluates and/or only until the result is known', () => {
    const funcs = { boom: (): unknown => { throw new TemplateExecError('boom'); } };
    expect(run('{{and false (boom)}} {{or "x" (boom)}} {{and 1 2}} {{or 0 ""}}', {}, { funcs })).toBe('false x 2 ');
    expect(() => run('{{and true (boom)}}', {}, { funcs })).toThrow('boom');
  });

  it('treats a missing key as nil under missingkey=zero', () => {
    expect(run('{{.a}}', {}, { missingZero: true })).toBe('<no value>');
    expect(run('{{if .a}}y{{else}}n{{end}}', {}, { missingZero: true })).toBe('n');
    expect(() => run('{{.a.b}}', {}, { missingZero: true })).toThrow('nil pointer evaluating interface {}.b');
    // the default option of kubectl: a missing key's field is missing too
    expect(run('{{.a.b}}', {})).toBe('<no value>');
    // a null value prints as a missing one, except as a function's argument
    expect(run('[{{.a}}][{{printf "%v" .a}}]', { a: null })).toBe('[<no value>][<nil>]');
  });

  it('calls methods the data provides, niladic or with arguments', () => {
    const data = { Files: { Get: (a: unknown[]) => `content of ${String(a[0])}` }, Cap: { Version: () => 'v1.33.0' } };
    expect(run('{{.Files.Get "a.txt"}}|{{.Cap.Version}}|{{"b" | .Files.Get}}', data)).toBe('content of a.txt|v1.33.0|content of b');
    expect(() => run('{{.s 1}}', { s: 'x' })).toThrow("can't give argument to non-function .s");
  });

  it('reads "(x) .Field" as two arguments and "(x).Field" as a field of x', () => {
    expect(run('{{printf "%v %v" (.a) .b}}', { a: 1, b: 2 })).toBe('1 2');
    expect(run('{{(.m).k}}', { m: { k: 'v' } })).toBe('v');
  });

  it('places an error at the node Go names: a chain of fields at its second part', () => {
    const at = (src: string) => {
      try {
        run(src, { metadata: { name: 'x' }, kind: 'K' });
      } catch (e) {
        return (e as TemplateExecError).pos;
      }
      return undefined;
    };
    // recorded with kubectl 1.33 -o go-template (output:1:15, 1:29, 1:11)
    expect(at('c: {{ .metadata.name.x }}')).toBe(15);
    expect(at('c: {{ $x := .metadata }}{{ $x.name.y }}')).toBe(29);
    expect(at('c: {{ .kind.y }}')).toBe(11);
    expect(() => run('{{ .kind.y }}', { kind: 'K' })).toThrow("can't evaluate field y in type interface {}");
    expect(() => run('{{ .l.y }}', { l: [1] })).toThrow("can't evaluate field y in type interface {}");
  });
});
