import type { KObject } from '../../../../api/types.ts';
import { pathFor } from '../../../../client/client.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { asList, nameOf, printJson, printYaml, stripManagedFields } from '../../printers/objects.ts';
import { printTable, type ServerTable } from '../../printers/table.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { errorText } from '../../errors.ts';
import { GET_FLAGS } from './flags.ts';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** fetchTable gets one object or a list as a server-side Table. */
function fetchTable(c: RunContext, res: ApiResource, namespace: string | undefined, name: string | undefined, query: Record<string, string>): ServerTable {
  return c.f.client().call<ServerTable>({ method: 'GET', path: pathFor(res, namespace, name), query, headers: { accept: TABLE_ACCEPT } });
}

function fetchObjects(c: RunContext, res: ApiResource, namespace: string | undefined, names: string[], query: Record<string, string>): KObject[] {
  const client = c.f.client();
  if (names.length) return names.map((n) => client.get(res, namespace, n));
  return client.call<{ items: KObject[] }>({ method: 'GET', path: pathFor(res, namespace), query }).items.map((o) => ({ ...o, apiVersion: o.apiVersion ?? (res.group ? `${res.group}/${res.version}` : res.version), kind: o.kind ?? res.kind }));
}

async function run(c: RunContext): Promise<number> {
  const output = c.flag<string>('output');
  const allNs = c.flag<boolean>('all-namespaces');
  const selector = c.flag<string>('selector');
  const fieldSelector = c.flag<string>('field-selector');
  if (c.args.length === 0) {
    c.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
  }
  const selections = parseResourceArgs(c.args, c.f.discovery());
  const ns = c.f.namespace();
  const query: Record<string, string> = {};
  if (selector) query.labelSelector = selector;
  if (fieldSelector) query.fieldSelector = fieldSelector;
  const several = selections.length > 1 || selections.some((s) => s.typed === 'all');
  const tw = new TabWriter();
  let printedAny = false;
  let firstTable = true;
  const collected: KObject[] = [];
  let errors = 0;
  for (const sel of selections) {
    const namespace = sel.res.namespaced ? (allNs ? undefined : ns) : undefined;
    if (output === 'yaml' || output === 'json' || output === 'name') {
      try {
        collected.push(...fetchObjects(c, sel.res, namespace, sel.names, query));
      } catch (e) {
        if (sel.names.length === 0) throw e;
        errors++;
        c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
      }
      continue;
    }
    const targets = sel.names.length ? sel.names : [undefined];
    for (const name of targets) {
      let table: ServerTable;
      try {
        table = fetchTable(c, sel.res, namespace, name, query);
      } catch (e) {
        if (!name) throw e;
        errors++;
        c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
        continue;
      }
      if (table.rows.length === 0) continue;
      if (!firstTable && !name) c.out('\n');
      const prefix = several ? nameOf(sel.res.kind, sel.res.group, '').slice(0, -1) : undefined;
      c.out(
        printTable(tw, table, {
          wide: output === 'wide',
          noHeaders: c.flag<boolean>('no-headers') || (!firstTable && !!name && sel.names.indexOf(name) > 0),
          withNamespace: allNs && sel.res.namespaced,
          kindPrefix: prefix,
          showLabels: c.flag<boolean>('show-labels'),
          labelColumns: (c.flag<string[]>('label-columns') ?? []).flatMap((l) => l.split(',')),
        }),
      );
      firstTable = false;
      printedAny = true;
    }
  }
  if (output === 'yaml' || output === 'json' || output === 'name') {
    const objs = collected.map(stripManagedFields);
    if (output === 'name') {
      for (const o of objs) {
        const res = c.f.discovery().byKind(o.apiVersion, o.kind);
        c.out(`${nameOf(o.kind, res?.group ?? '', o.metadata.name ?? '')}\n`);
      }
    } else {
      const single = selections.length === 1 && selections[0]!.names.length === 1 && objs.length === 1;
      const value = single ? objs[0] : asList(objs);
      c.out(output === 'yaml' ? printYaml(value) : printJson(value, true));
    }
    return errors ? 1 : 0;
  }
  if (!printedAny && errors === 0) {
    const anyNamespaced = selections.some((s) => s.res.namespaced);
    c.err(anyNamespaced && !allNs ? `No resources found in ${ns} namespace.\n` : 'No resources found\n');
  }
  return errors ? 1 : 0;
}

/** getCommand is `kubectl get`. */
export const getCommand: CommandDef = {
  name: 'get',
  group: 'Basic Commands (Intermediate)',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # List all pods in ps output format
  kubectl get pods
  
  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide
  
  # List a single replication controller with specified NAME in ps output format
  kubectl get replicationcontroller web
  
  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  kubectl get deployments.v1.apps -o json
  
  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7
  
  # List a pod identified by type and name specified in "pod.yaml" in JSON output format
  kubectl get -f pod.yaml -o json
  
  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl get -k dir/
  
  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}
  
  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image
  
  # List all replication controllers and services together in ps output format
  kubectl get rc,services
  
  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7
  
  # List the 'status' subresource for a single pod
  kubectl get pod web-pod-13je7 --subresource status
  
  # List all deployments in namespace 'backend'
  kubectl get deployments.apps --namespace backend
  
  # List all pods existing in all namespaces
  kubectl get pods --all-namespaces`,
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: GET_FLAGS,
  run,
};
