import { describe, expect, it } from 'vitest';
import { mergeValues, renderChart, RenderError } from './render.ts';
import type { Chart } from './types.ts';

const release = { name: 'web', namespace: 'apps', revision: 2, isInstall: false, isUpgrade: true };

function chart(templates: Record<string, string>, values: Record<string, unknown> = {}): Chart {
  const files: Record<string, string> = { 'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\nappVersion: "1.16.0"\n' };
  for (const [k, v] of Object.entries(templates)) files[`templates/${k}`] = v;
  return { metadata: { apiVersion: 'v2', name: 'demo', version: '0.1.0', appVersion: '1.16.0' }, values, files };
}

const render = (tpl: string, values: Record<string, unknown> = {}) => renderChart(chart({ 'x.yaml': tpl }), values, release, 'v1.33.0').manifests.map((m) => m.text).join('');

describe('chart rendering', () => {
  it('gives templates .Release, .Chart, .Values and .Capabilities', () => {
    expect(render('{{ .Release.Name }}/{{ .Release.Namespace }}/{{ .Release.Revision }}/{{ .Release.IsUpgrade }}/{{ .Release.Service }}')).toBe('web/apps/2/true/Helm');
    expect(render('{{ .Chart.Name }}-{{ .Chart.Version }} {{ .Chart.AppVersion }}')).toBe('demo-0.1.0 1.16.0');
    expect(render('{{ .Values.a.b }}', { a: { b: 'c' } })).toBe('c');
    expect(render('{{ .Capabilities.KubeVersion.Version }}')).toBe('v1.33.0');
  });

  it('shares the helpers of _helpers.tpl and runs include, tpl and nindent', () => {
    const c = chart({
      '_helpers.tpl': '{{- define "demo.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end }}\n{{- define "demo.labels" -}}\napp: {{ include "demo.fullname" . }}\ntier: {{ .Values.tier | default "web" | quote }}\n{{- end }}',
      'cm.yaml': 'metadata:\n  name: {{ include "demo.fullname" . }}\n  labels:\n    {{- include "demo.labels" . | nindent 4 }}\ndata:\n  greeting: {{ tpl .Values.greeting . }}\n',
    }, { greeting: 'hello {{ .Release.Name }}' });
    const out = renderChart(c, c.values, release, 'v1.33.0');
    expect(out.manifests.map((m) => m.path)).toEqual(['demo/templates/cm.yaml']);
    expect(out.manifests[0]!.text).toBe('metadata:\n  name: web-demo\n  labels:\n    app: web-demo\n    tier: "web"\ndata:\n  greeting: hello web\n');
  });

  it('writes values with toYaml as helm does and drops "<no value>"', () => {
    expect(render('x:\n{{- toYaml .Values.r | nindent 2 }}\n[{{ .Values.missing }}]', { r: { limits: { memory: '128Mi', cpu: '100m' }, args: ['a'] } })).toBe(
      'x:\n  args:\n  - a\n  limits:\n    cpu: 100m\n    memory: 128Mi\n[]',
    );
    expect(render('{{ toYaml .Values.e }}', { e: {} })).toBe('{}');
  });

  it('has the sprig functions charts use', () => {
    expect(render('{{ "a-b" | upper }} {{ "Hello" | lower }} {{ "x" | repeat 3 }} {{ replace "." "-" "a.b" }} {{ "abc" | trunc 2 }}')).toBe('A-B hello xxx a-b ab');
    expect(render('{{ ternary "y" "n" true }} {{ empty "" }} {{ coalesce "" "z" }} {{ hasKey .Values "a" }} {{ "aGk=" | b64dec }} {{ "hi" | b64enc }}', { a: 1 })).toBe('y true z true hi aGk=');
    expect(render('{{ $d := dict "k" "v" }}{{ $d.k }} {{ list 1 2 3 | len }} {{ join "," (list "a" "b") }} {{ semverCompare ">=1.25-0" .Capabilities.KubeVersion.Version }}')).toBe('v 3 a,b true');
    expect(render('{{ add 1 2 }} {{ int "7" }} {{ max 3 9 }} {{ "a b" | quote }} {{ 5 | toString | squote }}')).toBe("3 7 9 \"a b\" '5'");
  });

  it('fails where helm fails, naming the template', () => {
    expect(() => render('{{ required "image.tag is required" .Values.image.tag }}', { image: {} })).toThrow(RenderError);
    expect(() => render('a: 1\nb: {{ required "image.tag is required" .Values.image.tag }}', { image: {} })).toThrow(/^execution error at \(demo\/templates\/x\.yaml:2:6\): image\.tag is required$/);
    expect(() => render('{{ fail "no" }}')).toThrow(/^execution error at \(demo\/templates\/x\.yaml:1:3\): no$/);
    expect(() => render('c: {{ .Values.a.b }}')).toThrow(/^template: demo\/templates\/x\.yaml:1:13: executing "demo\/templates\/x\.yaml" at <\.Values\.a\.b>: nil pointer evaluating interface \{\}\.b$/);
    expect(() => render('{{ include "nope" . }}')).toThrow(
      /^template: demo\/templates\/x\.yaml:1:3: executing "demo\/templates\/x\.yaml" at <include "nope" \.>: error calling include: template: no template "nope" associated with template "gotpl"$/,
    );
  });

  it('merges values as helm does: maps deep, null removes a default', () => {
    expect(mergeValues({ a: { b: 1, c: 2 }, l: [1, 2], d: 'x' }, { a: { c: 3 }, l: [9], d: null })).toEqual({ a: { b: 1, c: 3 }, l: [9] });
  });
});
