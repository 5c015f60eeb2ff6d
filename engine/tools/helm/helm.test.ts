import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../../lab/lab.ts';
import { parseSet } from './values/strvals.ts';
import { uiTable } from './cli/table.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

async function lab() {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 2 })).sessions[0]!.id;
  return async (line: string) => {
    out.length = 0;
    const r = await engine.submit(s, line);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
}

describe('helm', () => {
  it('adds a repository, installs, upgrades, rolls back and uninstalls a release kept in Secrets', async () => {
    const run = await lab();
    expect((await run('helm repo add bitnami https://charts.bitnami.com/bitnami')).text).toBe('"bitnami" has been added to your repositories\n');
    expect((await run('helm repo list')).text).toBe('NAME   \tURL                               \nbitnami\thttps://charts.bitnami.com/bitnami\n');
    expect((await run('helm search repo nginx')).text).toMatch(/^NAME {9}\tCHART VERSION\tAPP VERSION\tDESCRIPTION {39}\nbitnami\/nginx\t18\.3\.5 {7}\t1\.27\.3 {5}\tNGINX Open Source is a web server that can be a\.\.\.\n$/);

    const install = await run('helm install web bitnami/nginx -n web --create-namespace --set replicaCount=2 --set service.type=ClusterIP');
    expect(install.exit).toBe(0);
    expect(install.text).toMatch(/^NAME: web\nLAST DEPLOYED: Mon Jan {2}5 09:\d\d:\d\d 2026\nNAMESPACE: web\nSTATUS: deployed\nREVISION: 1\nTEST SUITE: None\nNOTES:\nCHART NAME: nginx\n/);
    await run('sleep 20');
    expect((await run('kubectl -n web get deploy web-nginx --no-headers')).text).toMatch(/^web-nginx +2\/2 +2 +2 /);
    expect((await run('kubectl -n web get deploy web-nginx -o jsonpath="{.metadata.annotations.meta\\.helm\\.sh/release-name}"')).text).toBe('web');
    expect((await run('kubectl -n web get secrets -l owner=helm --no-headers')).text).toMatch(/^sh\.helm\.release\.v1\.web\.v1 +helm\.sh\/release\.v1 +1 /);
    expect((await run('helm list -n web')).text).toMatch(/^NAME\tNAMESPACE\tREVISION\tUPDATED +\tSTATUS  \tCHART       \tAPP VERSION\nweb \tweb      \t1       \t2026-01-05 09:\d\d:[\d.]+ \+0000 UTC\tdeployed\tnginx-18\.3\.5\t1\.27\.3     \n$/);

    expect((await run('helm install web bitnami/nginx -n web')).text).toBe('Error: INSTALLATION FAILED: cannot re-use a name that is still in use\n');
    expect((await run('helm upgrade web bitnami/nginx -n web --reuse-values --set replicaCount=3')).text).toMatch(/^Release "web" has been upgraded\. Happy Helming!\nNAME: web\n/);
    await run('sleep 10');
    expect((await run('kubectl -n web get deploy web-nginx -o jsonpath={.spec.replicas}')).text).toBe('3');
    expect((await run('helm get values web -n web')).text).toBe('USER-SUPPLIED VALUES:\nreplicaCount: 3\nservice:\n  type: ClusterIP\n');
    expect((await run('helm rollback web 1 -n web')).text).toBe('Rollback was a success! Happy Helming!\n');
    expect((await run('kubectl -n web get deploy web-nginx -o jsonpath={.spec.replicas}')).text).toBe('2');
    const hist = (await run('helm history web -n web')).text.split('\n');
    expect(hist.slice(1, 4).map((l) => l.split('\t').map((c) => c.trim()))).toEqual([
      ['1', expect.stringMatching(/^Mon Jan {2}5 /), 'superseded', 'nginx-18.3.5', '1.27.3', 'Install complete'],
      ['2', expect.stringMatching(/^Mon Jan {2}5 /), 'superseded', 'nginx-18.3.5', '1.27.3', 'Upgrade complete'],
      ['3', expect.stringMatching(/^Mon Jan {2}5 /), 'deployed', 'nginx-18.3.5', '1.27.3', 'Rollback to 1'],
    ]);
    expect((await run('helm uninstall web -n web')).text).toBe('release "web" uninstalled\n');
    expect((await run('kubectl -n web get deploy,secrets')).text).toBe('No resources found in web namespace.\n');
    expect((await run('helm status web -n web')).text).toBe('Error: release: not found\n');
  });

  it('renders templates, creates charts and refuses what helm refuses', async () => {
    const run = await lab();
    await run('helm repo add argo https://argoproj.github.io/argo-helm');
    const all = (await run('helm template argocd argo/argo-cd --version 7.7.3 -n argocd')).text;
    expect(all).toContain('---\n# Source: argo-cd/templates/crds/crd-application.yaml\n');
    expect(all).toContain('image: quay.io/argoproj/argocd:v2.13.0\n');
    const noCrds = (await run('helm template argocd argo/argo-cd --version 7.7.3 -n argocd --set crds.install=false')).text;
    expect(noCrds).not.toContain('CustomResourceDefinition');
    expect(noCrds.indexOf('kind: ServiceAccount')).toBeLessThan(noCrds.indexOf('kind: Deployment'));

    expect((await run('helm create mychart')).text).toBe('Creating mychart\n');
    expect((await run('ls mychart mychart/templates')).text).toContain('Chart.yaml');
    const dry = (await run('helm install dry ./mychart --dry-run')).text;
    expect(dry).toMatch(/^NAME: dry\nLAST DEPLOYED: .*\nNAMESPACE: default\nSTATUS: pending-install\nREVISION: 1\nTEST SUITE: None\nHOOKS:\nMANIFEST:\n---\n# Source: mychart\/templates\/serviceaccount\.yaml\n/);
    expect(dry).toMatch(/\n\nNOTES:\n1\. Get the application URL by running these commands:\n[^]*port-forward \$POD_NAME 8080:\$CONTAINER_PORT\n$/);
    expect((await run('helm list -q')).text).toBe('');
    const local = await run('helm install demo ./mychart --set service.port=8080');
    expect(local.text).toMatch(/^NAME: demo\n/);
    expect((await run('kubectl get svc demo-mychart -o jsonpath={.spec.ports[0].port}')).text).toBe('8080');
    expect((await run('helm template demo ./mychart --show-only templates/service.yaml')).text).toMatch(/^---\n# Source: mychart\/templates\/service\.yaml\napiVersion: v1\nkind: Service\n/);

    expect((await run('helm repo add nope https://charts.example.com/nope')).text).toBe('Error: looks like "https://charts.example.com/nope" is not a valid chart repository or cannot be reached: Get "https://charts.example.com/nope/index.yaml": dial tcp: lookup charts.example.com on 127.0.0.53:53: server misbehaving\n');
    expect((await run('helm install x stable/nginx')).text).toBe('Error: INSTALLATION FAILED: repo stable not found\n');
    expect((await run('helm install x ./mychart -n missing')).text).toBe('Error: INSTALLATION FAILED: create: failed to create: namespaces "missing" not found\n');
    expect((await run('helm install ./mychart')).text).toBe('Error: INSTALLATION FAILED: must either provide a name or specify --generate-name\n');
    expect((await run('helm list --bogus')).text).toBe('Error: unknown flag: --bogus\n');
    // a duration flag is read as pflag reads it, before the command starts
    expect((await run('helm install x bitnami/nginx --timeout 5')).text).toBe('Error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n');
    expect((await run('helm upgrade x bitnami/nginx --timeout=1d')).text).toBe('Error: invalid argument "1d" for "--timeout" flag: time: unknown unit "d" in duration "1d"\n');

    // a template failing or rendering an object of no kind installs nothing
    await run('printf "x: {{ required \\"need x\\" .Values.x }}\\n" > mychart/templates/x.yaml');
    expect((await run('helm install bad ./mychart')).text).toBe('Error: INSTALLATION FAILED: execution error at (mychart/templates/x.yaml:1:6): need x\n');
    expect((await run('helm install bad ./mychart --set x=1')).text).toBe(
      'Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest: error validating "": error validating data: [apiVersion not set, kind not set]\n',
    );
    expect((await run('kubectl get deploy,secrets -l app.kubernetes.io/instance=bad')).text).toBe('No resources found in default namespace.\n');
    expect((await run('helm status bad')).text).toBe('Error: release: not found\n');

    // a failed upgrade is a failed revision; the next upgrade supersedes the deployed one
    await run('rm mychart/templates/x.yaml');
    expect((await run('helm upgrade demo ./mychart --set service.type=Bogus')).text).toMatch(/^Error: UPGRADE FAILED: cannot patch "demo-mychart" with kind Service: Service "demo-mychart" is invalid: spec\.type: Unsupported value: "Bogus"/);
    expect((await run('helm upgrade demo ./mychart')).text).toMatch(/^Release "demo" has been upgraded\. Happy Helming!\n/);
    const hist = (await run('helm history demo')).text.split('\n').slice(1, 4).map((l) => l.split('\t').map((c) => c.trim())[2]);
    expect(hist).toEqual(['superseded', 'failed', 'deployed']);
  });

  it('parses --set as helm does', () => {
    expect(parseSet('a.b=1,c[0]=x,d={p,q},e=true,f=null')).toEqual({ a: { b: 1 }, c: ['x'], d: ['p', 'q'], e: true, f: null });
    expect(parseSet('a=007')).toEqual({ a: '007' });
  });

  it('pads table cells as uitable does', () => {
    expect(uiTable([['A', 'LONGER'], ['bb', 'c']])).toBe('A \tLONGER\nbb\tc     \n');
  });
  it('lints charts, reports argument counts without the command prefix, and refuses to untar over a directory', async () => {
    const run = await lab();
    // helm's cmd/helm/lint.go and pkg/lint/rules: a fresh `helm create` chart only lacks an icon.
    expect((await run('helm create mychart')).text).toBe('Creating mychart\n');
    expect((await run('ls mychart')).text).toMatch(/charts/);
    expect(await run('helm lint mychart')).toEqual({ text: '==> Linting mychart\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n', exit: 0 });
    expect((await run('helm lint mychart --quiet')).text).toBe('');
    expect(await run('helm lint nope')).toEqual({ text: '==> Linting nope\nError unable to check Chart.yaml file in chart: stat nope/Chart.yaml: no such file or directory\n\nError: 1 chart(s) linted, 1 chart(s) failed\n', exit: 1 });
    await run("sed -i 's/^version:.*//' mychart/Chart.yaml");
    expect((await run('helm lint mychart')).text).toBe('==> Linting mychart\n[ERROR] Chart.yaml: version is required\n[INFO] Chart.yaml: icon is recommended\n[ERROR] templates/: validation: chart.metadata.version is required\n[ERROR] : unable to load chart\n\tvalidation: chart.metadata.version is required\n\nError: 1 chart(s) linted, 1 chart(s) failed\n');
    // cobra checks the argument count before the command runs, so no "INSTALLATION FAILED: ".
    expect((await run('helm install')).text).toBe('Error: "helm install" requires at least 1 argument\n\nUsage:  helm install [NAME] [CHART] [flags]\n');
    expect((await run('helm upgrade web')).text).toBe('Error: "helm upgrade" requires 2 arguments\n\nUsage:  helm upgrade [RELEASE] [CHART] [flags]\n');
    expect((await run('helm install web')).text).toBe('Error: INSTALLATION FAILED: must either provide a name or specify --generate-name\n');
    await run('helm repo add bitnami https://charts.bitnami.com/bitnami');
    expect((await run('helm pull bitnami/nginx --untar')).exit).toBe(0);
    expect(await run('helm pull bitnami/nginx --untar')).toEqual({ text: 'Error: failed to untar: a file or directory with the name nginx already exists\n', exit: 1 });
    expect((await run('helm pull bitnami/nginx --untar -d /tmp')).exit).toBe(0);
    expect((await run('helm pull bitnami/nginx --untar -d /tmp')).text).toBe('Error: failed to untar: a file or directory with the name /tmp/nginx already exists\n');
  });
});
