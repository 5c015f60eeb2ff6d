import type { HelpTexts } from '../../cli/command.ts';

// The help texts below are kubectl 1.33's, as `kubectl <command> --help` prints them (see testdata of cmd/root).

/** certificateHelp is the help of `kubectl certificate` as kubectl 1.33 prints it. */
export const certificateHelp: HelpTexts = {
  short: 'Modify certificate resources',
  long: `Modify certificate resources.`,
  use: 'certificate SUBCOMMAND [options]',
};

/** certificateApproveHelp is the help of `kubectl certificate approve` as kubectl 1.33 prints it. */
export const certificateApproveHelp: HelpTexts = {
  short: 'Approve a certificate signing request',
  long: `Approve a certificate signing request.

 kubectl certificate approve allows a cluster admin to approve a certificate signing request (CSR). This action tells a certificate signing controller to issue a certificate to the requester with the attributes requested in the CSR.

 SECURITY NOTICE: Depending on the requested attributes, the issued certificate can potentially grant a requester access to cluster resources or to authenticate as a requested identity. Before approving a CSR, ensure you understand what the signed certificate can do.`,
  example: `  # Approve CSR 'csr-sqgzp'
  kubectl certificate approve csr-sqgzp`,
  use: 'certificate approve (-f FILENAME | NAME) [options]',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to update' },
    { name: 'force', type: 'bool', usage: 'Update the CSR even if it is already approved.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: 'Process the kustomization directory. This flag can\'t be used together with -f or -R.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
};

/** certificateDenyHelp is the help of `kubectl certificate deny` as kubectl 1.33 prints it. */
export const certificateDenyHelp: HelpTexts = {
  short: 'Deny a certificate signing request',
  long: `Deny a certificate signing request.

 kubectl certificate deny allows a cluster admin to deny a certificate signing request (CSR). This action tells a certificate signing controller to not to issue a certificate to the requester.`,
  example: `  # Deny CSR 'csr-sqgzp'
  kubectl certificate deny csr-sqgzp`,
  use: 'certificate deny (-f FILENAME | NAME) [options]',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to update' },
    { name: 'force', type: 'bool', usage: 'Update the CSR even if it is already denied.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: 'Process the kustomization directory. This flag can\'t be used together with -f or -R.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
};
