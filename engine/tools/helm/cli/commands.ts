import { goJson, goYaml } from '../values/goyaml.ts';
import type { HelmRun } from '../program.ts';
import { HELM_VERSION } from '../program.ts';
import { arr, bool, str, type FlagSpec } from './args.ts';
import { ArgCountError, cacheDir, HelmError, readRepos, resolveChart, writeRepos } from './env.ts';
import { applyRelease, build, checkBuild, deleteDoc, deployed, ensureNamespace, namespaceExists, parseManifest, supersede, userValues } from './actions.ts';
import { deleteHistory, history, listReleases, saveRelease, type Release } from '../release/storage.ts';
import { indexYaml, metadataOf, repoAt } from '../repo/catalog.ts';
import { uiTable, ansic, goTimeString } from './table.ts';
import { chartRef, dryRunText, statusText, valuesYaml } from './output.ts';
import { manifestText, mergeValues, renderChart, splitManifests } from '../chart/render.ts';
import { scaffold } from './create.ts';
import { lint } from './lint.ts';
import { waitReady } from './wait.ts';
import { hostWork } from '../../../base/host-work.ts';
import { normalize } from '../../../host/fs/path.ts';

/** HelmCommand is one helm command (or a group of subcommands). */
export interface HelmCommand {
  flags?: FlagSpec;
  /** errorPrefix is put before the command's errors ("INSTALLATION FAILED: ") */
  errorPrefix?: string;
  help?: string;
  sub?: Record<string, HelmCommand>;
  run(r: HelmRun): Promise<number>;
}

const spec = (o: Partial<FlagSpec>): FlagSpec => ({ bool: o.bool ?? [], string: o.string ?? [], array: o.array ?? [], short: o.short ?? {} });
const VALUES_FLAGS = { string: ['version', 'timeout', 'description', 'output', 'post-renderer', 'repo', 'username', 'password', 'kube-version', 'api-versions', 'output-dir'], array: ['set', 'set-string', 'set-json', 'set-file', 'values', 'show-only'], short: { f: 'values', o: 'output', s: 'show-only' } };
const INSTALL_FLAGS = spec({ ...VALUES_FLAGS, bool: ['create-namespace', 'generate-name', 'dry-run', 'wait', 'wait-for-jobs', 'atomic', 'devel', 'skip-crds', 'dependency-update', 'replace', 'disable-openapi-validation', 'no-hooks', 'include-crds', 'validate', 'reuse-values', 'reset-values', 'reset-then-reuse-values', 'install', 'force', 'cleanup-on-fail', 'debug'], short: { ...VALUES_FLAGS.short, g: 'generate-name', i: 'install' } });

const noArgs = (r: HelmRun, n: number, usage: string, what: string) => {
  if (r.a.args.length < n) throw new ArgCountError(`"helm ${usage}" requires ${n === 1 ? 'at least 1 argument' : `${n} arguments`}\n\nUsage:  helm ${usage} ${what} [flags]`);
};

const now = (r: HelmRun) => r.p.sys.runtime.now;

function valuesOf(r: HelmRun): Record<string, unknown> {
  return userValues(r.p, arr(r.a, 'values'), arr(r.a, 'set'), arr(r.a, 'set-string'));
}

function generatedName(r: HelmRun, chart: string): string {
  return `${chart}-${Math.floor(now(r) / 1000)}`;
}

async function install(r: HelmRun, name: string, chartRefArg: string, prefix = ''): Promise<number> {
  const chart = resolveChart(r.p, chartRefArg, str(r.a, 'version'));
  const ns = r.namespace();
  const config = valuesOf(r);
  const k = r.kube();
  if (history(k.client, ns, name).some((x) => x.info.status !== 'uninstalled')) throw new HelmError('cannot re-use a name that is still in use');
  const { release, docs } = build(k, chart, { name, namespace: ns, version: 1, config, isUpgrade: false, now: now(r), description: 'Install complete' });
  checkBuild(k, docs);
  if (bool(r.a, 'dry-run')) {
    release.info.status = 'pending-install';
    release.info.description = 'Dry run complete';
    r.out(`${prefix}${dryRunText(release)}`);
    return 0;
  }
  if (bool(r.a, 'create-namespace')) ensureNamespace(k.client, ns);
  else if (!namespaceExists(k.client, ns)) throw new HelmError(`create: failed to create: namespaces "${ns}" not found`);
  try {
    applyRelease(k, release, docs, undefined);
  } catch (e) {
    release.info.status = 'failed';
    release.info.description = `Release "${name}" failed: ${(e as Error).message}`;
    saveRelease(k.client, release, now(r));
    throw e;
  }
  if (bool(r.a, 'wait') || bool(r.a, 'atomic')) {
    const err = await waitReady(r, k, docs, ns);
    if (err) {
      release.info.status = 'failed';
      release.info.description = `Release "${name}" failed: ${err}`;
      saveRelease(k.client, release, now(r));
      throw new HelmError(err);
    }
  }
  saveRelease(k.client, release, now(r));
  r.out(prefix + statusText(release));
  return 0;
}

const installCmd: HelmCommand = {
  flags: INSTALL_FLAGS,
  errorPrefix: 'INSTALLATION FAILED: ',
  help: 'Usage:\n  helm install [NAME] [CHART] [flags]\n',
  async run(r) {
    const args = r.a.args;
    if (args.length < 1) throw new ArgCountError('"helm install" requires at least 1 argument\n\nUsage:  helm install [NAME] [CHART] [flags]');
    if (bool(r.a, 'generate-name')) {
      const chart = args[0]!;
      return install(r, generatedName(r, chart.split('/').pop()!.replace(/\.tgz$/, '')), chart);
    }
    if (args.length < 2) throw new HelmError('must either provide a name or specify --generate-name');
    return install(r, args[0]!, args[1]!);
  },
};

const upgradeCmd: HelmCommand = {
  flags: INSTALL_FLAGS,
  errorPrefix: 'UPGRADE FAILED: ',
  help: 'Usage:\n  helm upgrade [RELEASE] [CHART] [flags]\n',
  async run(r) {
    if (r.a.args.length !== 2) throw new ArgCountError(`"helm upgrade" requires 2 arguments\n\nUsage:  helm upgrade [RELEASE] [CHART] [flags]`);
    const [name, chartArg] = r.a.args as [string, string];
    const ns = r.namespace();
    const k = r.kube();
    const revisions = history(k.client, ns, name);
    if (revisions.length === 0) {
      if (!bool(r.a, 'install')) throw new HelmError(`"${name}" has no deployed releases`);
      r.out(`Release "${name}" does not exist. Installing it now.\n`);
      return install(r, name, chartArg);
    }
    const current = deployed(k.client, ns, name) ?? revisions.at(-1)!;
    const chart = resolveChart(r.p, chartArg, str(r.a, 'version'));
    const given = valuesOf(r);
    const config = bool(r.a, 'reuse-values') ? mergeValues(current.config, given) : given;
    const next = revisions.at(-1)!.version + 1;
    const { release, docs } = build(k, chart, { name, namespace: ns, version: next, config, isUpgrade: true, now: now(r), description: 'Upgrade complete', first: current.info.first_deployed });
    checkBuild(k, docs);
    if (bool(r.a, 'dry-run')) {
      release.info.status = 'pending-upgrade';
      release.info.description = 'Dry run complete';
      r.out(`Release "${name}" has been upgraded. Happy Helming!\n${dryRunText(release)}`);
      return 0;
    }
    // A failed upgrade is kept as a failed revision; the deployed one stays deployed (helm's failRelease).
    const fail = (msg: string) => {
      release.info.status = 'failed';
      release.info.description = `Upgrade "${name}" failed: ${msg}`;
      saveRelease(k.client, release, now(r));
    };
    try {
      applyRelease(k, release, docs, parseManifest(current.manifest));
    } catch (e) {
      fail((e as Error).message);
      throw e;
    }
    if (bool(r.a, 'wait') || bool(r.a, 'atomic')) {
      const err = await waitReady(r, k, docs, ns);
      if (err) {
        fail(err);
        throw new HelmError(err);
      }
    }
    supersede(k.client, ns, name, now(r));
    saveRelease(k.client, release, now(r));
    r.out(`Release "${name}" has been upgraded. Happy Helming!\n${statusText(release)}`);
    return 0;
  },
};

const uninstallCmd: HelmCommand = {
  flags: spec({ bool: ['keep-history', 'dry-run', 'no-hooks', 'wait', 'ignore-not-found'], string: ['timeout', 'cascade', 'description'] }),
  errorPrefix: 'uninstall: ',
  async run(r) {
    if (r.a.args.length === 0) throw new ArgCountError('"helm uninstall" requires at least 1 argument\n\nUsage:  helm uninstall RELEASE_NAME [...] [flags]');
    const ns = r.namespace();
    const k = r.kube();
    for (const name of r.a.args) {
      const revisions = history(k.client, ns, name);
      const last = revisions.at(-1);
      if (!last || last.info.status === 'uninstalled') {
        if (bool(r.a, 'ignore-not-found')) continue;
        throw new HelmError(`Release not loaded: ${name}: release: not found`);
      }
      for (const d of [...parseManifest(last.manifest)].reverse()) deleteDoc(k, d, ns);
      if (bool(r.a, 'keep-history')) saveRelease(k.client, { ...last, info: { ...last.info, status: 'uninstalled', deleted: new Date(now(r)).toISOString(), description: 'Uninstallation complete' } }, now(r));
      else deleteHistory(k.client, ns, name);
      r.out(`release "${name}" uninstalled\n`);
    }
    return 0;
  },
};

const listCmd: HelmCommand = {
  flags: spec({ bool: ['all-namespaces', 'all', 'short', 'deployed', 'failed', 'pending', 'superseded', 'uninstalled', 'uninstalling', 'no-headers', 'reverse', 'date'], string: ['output', 'filter', 'selector', 'max', 'offset', 'time-format'], short: { A: 'all-namespaces', a: 'all', q: 'short', o: 'output', r: 'reverse', d: 'date', l: 'selector', m: 'max' } }),
  async run(r) {
    const k = r.kube();
    const ns = bool(r.a, 'all-namespaces') ? undefined : r.namespace();
    const byName = new Map<string, Release>();
    for (const rel of listReleases(k.client, ns)) byName.set(`${rel.namespace}/${rel.name}`, rel);
    let rows = [...byName.values()];
    const wanted = ['deployed', 'failed', 'pending', 'superseded', 'uninstalled', 'uninstalling'].filter((s) => bool(r.a, s));
    if (bool(r.a, 'all')) rows = rows.filter(() => true);
    else if (wanted.length) rows = rows.filter((x) => wanted.some((w) => x.info.status.startsWith(w)));
    else rows = rows.filter((x) => x.info.status === 'deployed' || x.info.status === 'failed');
    const filter = str(r.a, 'filter');
    if (filter) rows = rows.filter((x) => new RegExp(filter).test(x.name));
    rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (bool(r.a, 'short')) {
      r.out(rows.map((x) => `${x.name}\n`).join(''));
      return 0;
    }
    const output = str(r.a, 'output') ?? 'table';
    const view = rows.map((x) => ({ name: x.name, namespace: x.namespace, revision: String(x.version), updated: goTimeString(x.info.last_deployed), status: x.info.status, chart: chartRef(x), app_version: x.chart.metadata.appVersion ?? '' }));
    if (output === 'json') r.out(JSON.stringify(view) + '\n');
    else if (output === 'yaml') r.out(view.length ? goYaml(view) : '[]\n');
    else {
      const table = view.map((v) => [v.name, v.namespace, v.revision, v.updated, v.status, v.chart, v.app_version]);
      r.out(uiTable(bool(r.a, 'no-headers') ? table : [['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'], ...table]));
    }
    return 0;
  },
};

const statusCmd: HelmCommand = {
  flags: spec({ string: ['revision', 'output'], bool: ['show-desc', 'show-resources'], short: { o: 'output' } }),
  async run(r) {
    if (r.a.args.length < 1) throw new ArgCountError('"helm status" requires 1 argument\n\nUsage:  helm status RELEASE_NAME [flags]');
    const name = r.a.args[0]!;
    const rev = str(r.a, 'revision');
    const all = history(r.kube().client, r.namespace(), name);
    const rel = rev ? all.find((x) => String(x.version) === rev) : all.at(-1);
    if (!rel) throw new HelmError('release: not found');
    const output = str(r.a, 'output');
    if (output === 'json') r.out(JSON.stringify({ name: rel.name, info: rel.info, config: rel.config, manifest: rel.manifest, version: rel.version, namespace: rel.namespace }) + '\n');
    else r.out(statusText(rel) + (bool(r.a, 'show-desc') ? `DESCRIPTION: ${rel.info.description}\n` : ''));
    return 0;
  },
};

const historyCmd: HelmCommand = {
  flags: spec({ string: ['max', 'output'], short: { o: 'output' } }),
  async run(r) {
    if (r.a.args.length < 1) throw new ArgCountError('"helm history" requires 1 argument\n\nUsage:  helm history RELEASE_NAME [flags]');
    const name = r.a.args[0]!;
    let all = history(r.kube().client, r.namespace(), name);
    if (all.length === 0) throw new HelmError('release: not found');
    const max = Number(str(r.a, 'max') ?? 256);
    all = all.slice(-max);
    const rows = all.map((x) => [String(x.version), ansic(x.info.last_deployed), x.info.status, chartRef(x), x.chart.metadata.appVersion ?? '', x.info.description]);
    r.out(uiTable([['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'], ...rows]));
    return 0;
  },
};

const rollbackCmd: HelmCommand = {
  flags: spec({ bool: ['dry-run', 'wait', 'force', 'no-hooks', 'recreate-pods', 'cleanup-on-fail', 'wait-for-jobs'], string: ['timeout', 'history-max'] }),
  errorPrefix: '',
  async run(r) {
    if (r.a.args.length < 1) throw new ArgCountError('"helm rollback" requires at least 1 argument\n\nUsage:  helm rollback <RELEASE> [REVISION] [flags]');
    const name = r.a.args[0]!;
    const ns = r.namespace();
    const k = r.kube();
    const all = history(k.client, ns, name);
    if (all.length === 0) throw new HelmError(`release: not found`);
    const current = all.at(-1)!;
    const want = r.a.args[1] ? Number(r.a.args[1]) : 0;
    const target = want > 0 ? all.find((x) => x.version === want) : all.filter((x) => x.version < current.version).at(-1);
    if (!target) throw new HelmError(want > 0 ? `release has no ${want} version` : 'no revision to roll back to');
    const next = current.version + 1;
    const release: Release = { ...target, version: next, info: { ...target.info, status: 'deployed', last_deployed: new Date(now(r)).toISOString().replace('.000Z', 'Z'), description: `Rollback to ${target.version}` } };
    if (!bool(r.a, 'dry-run')) {
      applyRelease(k, release, parseManifest(target.manifest), parseManifest(current.manifest));
      supersede(k.client, ns, name, now(r));
      saveRelease(k.client, release, now(r));
    }
    r.out('Rollback was a success! Happy Helming!\n');
    return 0;
  },
};

const templateCmd: HelmCommand = {
  flags: INSTALL_FLAGS,
  async run(r) {
    const args = r.a.args;
    if (args.length < 1) throw new ArgCountError('"helm template" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]');
    const [name, chartArg] = args.length >= 2 ? [args[0]!, args[1]!] : ['release-name', args[0]!];
    const chart = resolveChart(r.p, chartArg, str(r.a, 'version'));
    const values = mergeValues(chart.values, valuesOf(r));
    const kv = str(r.a, 'kube-version') ?? 'v1.34.3';
    const rendered = renderChart(chart, values, { name, namespace: str(r.a, 'namespace') ?? 'default', revision: 1, isInstall: true, isUpgrade: false }, kv.startsWith('v') ? kv : `v${kv}`);
    let docs = splitManifests(rendered.manifests);
    const only = arr(r.a, 'show-only');
    if (only.length) {
      const wanted = only.map((o) => (o.startsWith(`${chart.metadata.name}/`) ? o : `${chart.metadata.name}/${o}`));
      docs = docs.filter((d) => wanted.includes(d.path));
      if (!docs.length) throw new HelmError(`could not find template ${only[0]} in chart`);
    }
    r.out(manifestText(docs));
    return 0;
  },
};

const getSub = (what: 'values' | 'manifest' | 'notes' | 'all'): HelmCommand => ({
  flags: spec({ bool: ['all'], string: ['revision', 'output', 'template'], short: { a: 'all', o: 'output' } }),
  async run(r) {
    if (r.a.args.length < 1) throw new ArgCountError(`"helm get ${what}" requires 1 argument\n\nUsage:  helm get ${what} RELEASE_NAME [flags]`);
    const name = r.a.args[0]!;
    const rev = str(r.a, 'revision');
    const all = history(r.kube().client, r.namespace(), name);
    const rel = rev ? all.find((x) => String(x.version) === rev) : all.at(-1);
    if (!rel) throw new HelmError('release: not found');
    const computed = mergeValues(rel.chart.values, rel.config);
    if (what === 'values') {
      if (str(r.a, 'output') === 'json') r.out(goJson(bool(r.a, 'all') ? computed : rel.config) + '\n');
      else r.out(bool(r.a, 'all') ? `COMPUTED VALUES:\n${valuesYaml(computed)}` : `USER-SUPPLIED VALUES:\n${valuesYaml(rel.config)}`);
    } else if (what === 'manifest') r.out(rel.manifest);
    else if (what === 'notes') r.out(rel.info.notes ? `NOTES:\n${rel.info.notes.replace(/\n*$/, '\n')}` : '');
    else r.out(`${statusText(rel, { showNotes: false })}USER-SUPPLIED VALUES:\n${valuesYaml(rel.config)}\nCOMPUTED VALUES:\n${valuesYaml(computed)}\nHOOKS:\nMANIFEST:\n${rel.manifest}${rel.info.notes ? `\nNOTES:\n${rel.info.notes.replace(/\n*$/, '\n')}` : ''}`);
    return 0;
  },
});

const showSub = (what: 'values' | 'chart' | 'readme' | 'all' | 'crds'): HelmCommand => ({
  flags: spec({ string: ['version', 'repo', 'jsonpath'], bool: ['devel'] }),
  async run(r) {
    if (r.a.args.length < 1) throw new ArgCountError(`"helm show ${what}" requires 1 argument\n\nUsage:  helm show ${what} [CHART] [flags]`);
    const chart = resolveChart(r.p, r.a.args[0]!, str(r.a, 'version'));
    const files = chart.files;
    if (what === 'values') r.out(files['values.yaml'] ?? '');
    else if (what === 'chart') r.out(files['Chart.yaml'] ?? '');
    else if (what === 'readme') r.out(files['README.md'] ?? '');
    else if (what === 'crds') r.out(Object.entries(files).filter(([p]) => p.startsWith('crds/')).map(([, t]) => `---\n${t}`).join(''));
    else r.out(`${files['Chart.yaml'] ?? ''}---\n${files['values.yaml'] ?? ''}`);
    return 0;
  },
});

const repoCmd: HelmCommand = {
  help: 'This command consists of multiple subcommands to interact with chart repositories.\n\nUsage:\n  helm repo [command]\n\nAvailable Commands:\n  add         add a chart repository\n  index       generate an index file given a directory containing packaged charts\n  list        list chart repositories\n  remove      remove one or more chart repositories\n  update      update information of available charts locally from chart repositories\n',
  async run() {
    return 0;
  },
  sub: {
    add: {
      flags: spec({ bool: ['force-update', 'no-update', 'insecure-skip-tls-verify', 'pass-credentials', 'allow-deprecated-repos'], string: ['username', 'password', 'ca-file', 'cert-file', 'key-file', 'timeout'] }),
      async run(r) {
        if (r.a.args.length !== 2) throw new ArgCountError(`"helm repo add" requires 2 arguments\n\nUsage:  helm repo add [NAME] [URL] [flags]`);
        const [name, url] = r.a.args as [string, string];
        const repos = readRepos(r.p);
        const same = repos.find((x) => x.name === name);
        if (same && same.url.replace(/\/+$/, '') === url.replace(/\/+$/, '') && !bool(r.a, 'force-update')) {
          r.out(`"${name}" already exists with the same configuration, skipping\n`);
          return 0;
        }
        if (same && !bool(r.a, 'force-update')) throw new HelmError(`repository name (${name}) already exists, please specify a different name`);
        const repo = repoAt(url);
        if (!repo) {
          const host = /^https?:\/\/([^/]+)/.exec(url)?.[1];
          if (!host) throw new HelmError(`could not find protocol handler for: ${url.split(':')[0] === url ? '' : url.split(':')[0]}`);
          throw new HelmError(`looks like "${url}" is not a valid chart repository or cannot be reached: Get "${url.replace(/\/+$/, '')}/index.yaml": dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving`);
        }
        const dir = cacheDir(r.p);
        r.p.fs.mkdir(dir, { recursive: true });
        r.p.fs.writeFile(`${dir}/${name}-index.yaml`, indexYaml(repo));
        r.p.fs.writeFile(`${dir}/${name}-charts.txt`, Object.keys(repo.charts).join('\n') + '\n');
        writeRepos(r.p, [...repos.filter((x) => x.name !== name), { name, url }]);
        r.out(`"${name}" has been added to your repositories\n`);
        return 0;
      },
    },
    list: {
      flags: spec({ string: ['output'], short: { o: 'output' } }),
      async run(r) {
        const repos = readRepos(r.p);
        if (repos.length === 0) throw new HelmError('no repositories to show');
        r.out(uiTable([['NAME', 'URL'], ...repos.map((x) => [x.name, x.url])]));
        return 0;
      },
    },
    update: {
      flags: spec({ bool: ['fail-on-repo-update-fail'], string: ['timeout'] }),
      async run(r) {
        const repos = readRepos(r.p);
        if (repos.length === 0) throw new HelmError('no repositories found. You must add one before updating');
        const only = r.a.args;
        const missing = only.filter((n) => !repos.some((x) => x.name === n));
        if (missing.length) throw new HelmError(`no repositories found matching '${missing.join(',')}'.  Nothing will be updated`);
        r.out('Hang tight while we grab the latest from your chart repositories...\n');
        for (const x of repos.filter((x) => !only.length || only.includes(x.name))) r.out(`...Successfully got an update from the "${x.name}" chart repository\n`);
        r.out('Update Complete. ⎈Happy Helming!⎈\n');
        return 0;
      },
    },
    remove: {
      async run(r) {
        if (r.a.args.length < 1) throw new ArgCountError('"helm repo remove" requires at least 1 argument\n\nUsage:  helm repo remove [REPO1 [REPO2 ...]] [flags]');
        let repos = readRepos(r.p);
        for (const name of r.a.args) {
          if (!repos.some((x) => x.name === name)) throw new HelmError(`no repo named "${name}" found`);
          repos = repos.filter((x) => x.name !== name);
          writeRepos(r.p, repos);
          r.out(`"${name}" has been removed from your repositories\n`);
        }
        return 0;
      },
    },
  },
};

const searchCmd: HelmCommand = {
  help: 'Search provides the ability to search for Helm charts in the various places\nthey can be stored including the Artifact Hub and repositories you have added.\n\nUsage:\n  helm search [command]\n\nAvailable Commands:\n  hub         search for charts in the Artifact Hub or your own hub instance\n  repo        search repositories for a keyword in charts\n',
  async run() {
    return 0;
  },
  sub: {
    repo: {
      flags: spec({ bool: ['versions', 'regexp', 'devel', 'fail-on-no-result'], string: ['version', 'output', 'max-col-width'], short: { l: 'versions', r: 'regexp', o: 'output' } }),
      async run(r) {
        const repos = readRepos(r.p);
        if (repos.length === 0) throw new HelmError('no repositories configured');
        const kw = (r.a.args[0] ?? '').toLowerCase();
        const rows: string[][] = [];
        for (const x of repos) {
          const repo = repoAt(x.url);
          for (const [chart, versions] of Object.entries(repo?.charts ?? {})) {
            const metas = versions.map((v) => metadataOf(v()));
            const hit = (m: (typeof metas)[number]) => !kw || `${x.name}/${chart}`.toLowerCase().includes(kw) || (m.description ?? '').toLowerCase().includes(kw) || (m.keywords ?? []).some((k) => k.toLowerCase().includes(kw));
            for (const m of bool(r.a, 'versions') ? metas : metas.slice(0, 1)) if (hit(m)) rows.push([`${x.name}/${chart}`, m.version, m.appVersion ?? '', m.description ?? '']);
          }
        }
        if (rows.length === 0) {
          r.out('No results found\n');
          return 0;
        }
        rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
        r.out(uiTable([['NAME', 'CHART VERSION', 'APP VERSION', 'DESCRIPTION'], ...rows], Number(str(r.a, 'max-col-width') ?? 50)));
        return 0;
      },
    },
  },
};

const createCmd: HelmCommand = {
  flags: spec({ string: ['starter'], short: { p: 'starter' } }),
  async run(r) {
    if (r.a.args.length !== 1) throw new ArgCountError('"helm create" requires 1 argument\n\nUsage:  helm create NAME [flags]');
    const dir = r.a.args[0]!;
    const name = dir.split('/').filter(Boolean).pop()!;
    const base = dir.startsWith('/') ? dir : `${r.p.cwd.replace(/\/$/, '')}/${dir}`;
    r.out(`Creating ${dir}\n`);
    // helm create makes an empty charts/ for the chart's dependencies.
    r.p.fs.mkdir(`${base}/charts`, { recursive: true });
    for (const [path, text] of Object.entries(scaffold(name))) {
      const full = `${base}/${path}`;
      r.p.fs.mkdir(full.replace(/\/[^/]+$/, ''), { recursive: true });
      r.p.fs.writeFile(full, text, { mode: 0o644 });
    }
    return 0;
  },
};

const pullCmd: HelmCommand = {
  flags: spec({ bool: ['untar', 'devel', 'verify'], string: ['version', 'destination', 'untardir', 'repo'], short: { d: 'destination' } }),
  async run(r) {
    if (r.a.args.length < 1) throw new ArgCountError('"helm pull" requires at least 1 argument\n\nUsage:  helm pull [chart URL | repo/chartname] [...] [flags]');
    const chart = resolveChart(r.p, r.a.args[0]!, str(r.a, 'version'));
    const dest = str(r.a, 'destination') ?? '.';
    const base = dest.startsWith('/') ? dest : `${r.p.cwd.replace(/\/$/, '')}/${dest}`;
    if (!bool(r.a, 'untar')) {
      const { gzip, writeTar } = await hostWork(import('../../coreutils/lib/tarball.ts'));
      const enc = new TextEncoder();
      const t = Math.floor(now(r) / 1000);
      const entries = Object.entries(chart.files).map(([p, text]) => ({ name: `${chart.metadata.name}/${p}`, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: t, data: enc.encode(text), linkname: '' }));
      r.p.fs.writeFile(`${base}/${chart.metadata.name}-${chart.metadata.version}.tgz`, gzip(writeTar(entries as never), t), { mode: 0o644 });
      return 0;
    }
    const untarDir = str(r.a, 'untardir') ?? '.';
    const into = untarDir.startsWith('/') ? untarDir : untarDir === '.' ? base : `${base}/${untarDir}`;
    // helm names the conflict by the path it checked: filepath.Join(destination, untardir, chart), or the bare chart name in ".".
    const ud = untarDir.startsWith('/') ? untarDir : normalize(`${dest}/${untarDir}`);
    const shown = ud === '.' ? chart.metadata.name : `${ud}/${chart.metadata.name}`;
    if (r.p.fs.exists(`${into}/${chart.metadata.name}`)) throw new HelmError(`failed to untar: a file or directory with the name ${shown} already exists`);
    for (const [path, text] of Object.entries(chart.files)) {
      const full = `${into}/${chart.metadata.name}/${path}`;
      r.p.fs.mkdir(full.replace(/\/[^/]+$/, ''), { recursive: true });
      r.p.fs.writeFile(full, text, { mode: 0o644 });
    }
    return 0;
  },
};

const versionCmd: HelmCommand = {
  flags: spec({ bool: ['short', 'client'], string: ['template'], short: { c: 'client' } }),
  async run(r) {
    if (bool(r.a, 'short')) r.out(`${HELM_VERSION.Version}+g${HELM_VERSION.GitCommit.slice(0, 7)}\n`);
    else r.out(`version.BuildInfo{Version:"${HELM_VERSION.Version}", GitCommit:"${HELM_VERSION.GitCommit}", GitTreeState:"${HELM_VERSION.GitTreeState}", GoVersion:"${HELM_VERSION.GoVersion}"}\n`);
    return 0;
  },
};

/** COMMANDS are helm's commands by name. */
export const COMMANDS: Record<string, HelmCommand> = {
  install: installCmd,
  upgrade: upgradeCmd,
  uninstall: uninstallCmd,
  list: listCmd,
  status: statusCmd,
  history: historyCmd,
  rollback: rollbackCmd,
  template: templateCmd,
  get: { async run() { return 0; }, help: 'Usage:\n  helm get [command]\n\nAvailable Commands:\n  all         download all information for a named release\n  hooks       download all hooks for a named release\n  manifest    download the manifest for a named release\n  metadata    This command fetches metadata for a given release\n  notes       download the notes for a named release\n  values      download the values file for a named release\n', sub: { values: getSub('values'), manifest: getSub('manifest'), notes: getSub('notes'), all: getSub('all') } },
  show: { async run() { return 0; }, help: 'Usage:\n  helm show [command]\n\nAvailable Commands:\n  all         show all information of the chart\n  chart       show the chart\'s definition\n  crds        show the chart\'s CRDs\n  readme      show the chart\'s README\n  values      show the chart\'s values\n', sub: { values: showSub('values'), chart: showSub('chart'), readme: showSub('readme'), all: showSub('all'), crds: showSub('crds') } },
  repo: repoCmd,
  search: searchCmd,
  create: createCmd,
  lint: { flags: spec({ bool: ['strict', 'with-subcharts', 'quiet', 'skip-schema-validation'], string: ['kube-version'], array: ['set', 'set-string', 'set-file', 'set-json', 'values'], short: { f: 'values' } }), run: lint },
  pull: pullCmd,
  fetch: pullCmd,
  version: versionCmd,
};
