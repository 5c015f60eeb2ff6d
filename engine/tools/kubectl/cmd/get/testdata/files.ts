/** FILES are the files the recorded command lines read, by path (written on the recording machine and in the tests' host). */
export const FILES: Record<string, string> = {
  '/tmp/kubectl-read/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
  '/tmp/kubectl-read/names.jsonpath': '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
  '/tmp/kubectl-read/cols.txt': 'NAME          IMAGE\nmetadata.name spec.containers[0].image\n',
  '/tmp/kubectl-read/names.tmpl': '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}',
};
