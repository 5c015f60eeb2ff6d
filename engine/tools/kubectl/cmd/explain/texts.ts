import type { HelpTexts } from '../../cli/command.ts';

// The help texts below are kubectl 1.33's, as `kubectl <command> --help` prints them (see testdata of cmd/root).

/** explainHelp is the help of `kubectl explain` as kubectl 1.33 prints it. */
export const explainHelp: HelpTexts = {
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', usage: 'Get different explanations for particular API version (API group/version)' },
    // kubectl 1.34 gives --output its -o shorthand back
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema (plaintext, plaintext-openapiv2)' },
    { name: 'recursive', type: 'bool', usage: 'Print the fields of fields (Currently only 1 level deep)' },
  ],
};
