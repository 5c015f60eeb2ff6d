import { parse } from 'yaml';
import type { HelmRun } from '../program.ts';
import { normalize } from '../../../host/fs/path.ts';
import { mergeValues, renderChart, RenderError } from '../chart/render.ts';
import { arr, bool, str } from './args.ts';
import { HelmError, resolveChart } from './env.ts';
import { userValues } from './actions.ts';

/**
 * `helm lint PATH...`: each chart's messages as helm's linter writes them
 * ("[SEVERITY] path: message"), then the summary; a chart with an error
 * fails the command with the summary as its error.
 */

type Severity = 'INFO' | 'WARNING' | 'ERROR';

/** lintChart returns the messages for one chart directory, or the error that stops helm before linting it. */
function lintChart(r: HelmRun, path: string, extra: Record<string, unknown>): { messages: [Severity, string, string][] } | { error: string } {
  const dir = normalize(path.startsWith('/') ? path : `${r.p.cwd}/${path}`);
  if (!r.p.fs.exists(`${dir}/Chart.yaml`)) return { error: `unable to check Chart.yaml file in chart: stat ${normalize(`${path}/Chart.yaml`)}: no such file or directory` };
  const messages: [Severity, string, string][] = [];
  let meta: Record<string, unknown> = {};
  try {
    meta = (parse(r.p.fs.readFile(`${dir}/Chart.yaml`)) ?? {}) as Record<string, unknown>;
  } catch (e) {
    messages.push(['ERROR', 'Chart.yaml', `unable to parse YAML\n\terror converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`]);
  }
  if (!meta.name) messages.push(['ERROR', 'Chart.yaml', 'name is required']);
  if (!meta.apiVersion) messages.push(['ERROR', 'Chart.yaml', 'apiVersion is required. The value must be either "v1" or "v2"']);
  if (!meta.version) messages.push(['ERROR', 'Chart.yaml', 'version is required']);
  if (!meta.icon) messages.push(['INFO', 'Chart.yaml', 'icon is recommended']);
  if (r.p.fs.exists(`${dir}/values.yaml`)) {
    try {
      parse(r.p.fs.readFile(`${dir}/values.yaml`));
    } catch (e) {
      messages.push(['ERROR', 'values.yaml', `unable to parse YAML: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`]);
    }
  }
  try {
    const chart = resolveChart(r.p, dir);
    const values = mergeValues(chart.values, extra);
    const rendered = renderChart(chart, values, { name: 'test-release', namespace: str(r.a, 'namespace') ?? 'default', revision: 1, isInstall: true, isUpgrade: false }, 'v1.34.3');
    for (const m of rendered.manifests) {
      try {
        parse(m.text);
      } catch (e) {
        messages.push(['ERROR', m.path.replace(/^[^/]+\//, ''), `unable to parse YAML: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`]);
      }
    }
  } catch (e) {
    if (!(e instanceof RenderError || e instanceof HelmError)) throw e;
    messages.push(['ERROR', 'templates/', e.message]);
    // The dependencies rule loads the chart again and words the same failure its own way.
    if (!(e instanceof RenderError)) messages.push(['ERROR', '', `unable to load chart\n\t${e.message}`]);
  }
  return { messages };
}

/** lint runs `helm lint`. */
export async function lint(r: HelmRun): Promise<number> {
  const paths = r.a.args.length ? r.a.args : ['.'];
  const extra = userValues(r.p, arr(r.a, 'values'), arr(r.a, 'set'), arr(r.a, 'set-string'));
  const quiet = bool(r.a, 'quiet');
  let failed = 0;
  let flagged = 0;
  let text = '';
  for (const path of paths) {
    const res = lintChart(r, path, extra);
    const errors = 'error' in res || res.messages.some(([s]) => s === 'ERROR' || (bool(r.a, 'strict') && s === 'WARNING'));
    const noisy = 'error' in res || res.messages.some(([s]) => s !== 'INFO');
    if (noisy) flagged++;
    if (quiet && !noisy) continue;
    text += `==> Linting ${path}\n`;
    if ('error' in res) text += `Error ${res.error}\n`;
    else for (const [sev, p, msg] of res.messages) if (!quiet || sev !== 'INFO') text += `[${sev}] ${p}: ${msg}\n`;
    if (errors) failed++;
    text += '\n';
  }
  r.out(text);
  const summary = `${paths.length} chart(s) linted, ${failed} chart(s) failed`;
  if (failed > 0) throw new HelmError(summary);
  if (!quiet || flagged > 0) r.out(`${summary}\n`);
  return 0;
}
