import type { HelpTexts } from '../../cli/command.ts';

// The help texts below are kubectl 1.33's, as `kubectl <command> --help` prints them (see testdata of cmd/root).

/** configHelp is the help of `kubectl config` as kubectl 1.33 prints it. */
export const configHelp: HelpTexts = {
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  use: 'config SUBCOMMAND [options]',
};

/** configViewHelp is the help of `kubectl config view` as kubectl 1.33 prints it. */
export const configViewHelp: HelpTexts = {
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  use: 'config view [flags] [options]',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
};

/** configGetContextsHelp is the help of `kubectl config get-contexts` as kubectl 1.33 prints it. */
export const configGetContextsHelp: HelpTexts = {
  short: 'Describe one or many contexts',
  long: `Display one or many contexts from the kubeconfig file.`,
  example: `  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context`,
  use: 'config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
  ],
};

/** configCurrentContextHelp is the help of `kubectl config current-context` as kubectl 1.33 prints it. */
export const configCurrentContextHelp: HelpTexts = {
  short: 'Display the current-context',
  long: `Display the current-context.`,
  example: `  # Display the current-context
  kubectl config current-context`,
  use: 'config current-context [flags] [options]',
};

/** configUseContextHelp is the help of `kubectl config use-context` as kubectl 1.33 prints it. */
export const configUseContextHelp: HelpTexts = {
  short: 'Set the current-context in a kubeconfig file',
  long: `Set the current-context in a kubeconfig file.`,
  aliases: ['use'],
  example: `  # Use the context for the minikube cluster
  kubectl config use-context minikube`,
  use: 'config use-context CONTEXT_NAME [options]',
};

/** configSetContextHelp is the help of `kubectl config set-context` as kubectl 1.33 prints it. */
export const configSetContextHelp: HelpTexts = {
  short: 'Set a context entry in kubeconfig',
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin`,
  use: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'cluster', type: 'string', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', usage: 'Modify the current context' },
    { name: 'namespace', type: 'string', usage: 'namespace for the context entry in kubeconfig' },
    { name: 'user', type: 'string', usage: 'user for the context entry in kubeconfig' },
  ],
};

/** configGetClustersHelp is the help of `kubectl config get-clusters` as kubectl 1.33 prints it. */
export const configGetClustersHelp: HelpTexts = {
  short: 'Display clusters defined in the kubeconfig',
  long: `Display clusters defined in the kubeconfig.`,
  example: `  # List the clusters that kubectl knows about
  kubectl config get-clusters`,
  use: 'config get-clusters [flags] [options]',
};

/** configGetUsersHelp is the help of `kubectl config get-users` as kubectl 1.33 prints it. */
export const configGetUsersHelp: HelpTexts = {
  short: 'Display users defined in the kubeconfig',
  long: `Display users defined in the kubeconfig.`,
  example: `  # List the users that kubectl knows about
  kubectl config get-users`,
  use: 'config get-users [flags] [options]',
};

/** configSetClusterHelp is the help of `kubectl config set-cluster` as kubectl 1.33 prints it. */
export const configSetClusterHelp: HelpTexts = {
  short: 'Set a cluster entry in kubeconfig',
  long: `Set a cluster entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `  # Set only the server field on the e2e cluster entry without touching other values
  kubectl config set-cluster e2e --server=https://1.2.3.4
  
  # Embed certificate authority data for the e2e cluster entry
  kubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt
  
  # Disable cert checking for the e2e cluster entry
  kubectl config set-cluster e2e --insecure-skip-tls-verify=true
  
  # Set the custom TLS server name to use for validation for the e2e cluster entry
  kubectl config set-cluster e2e --tls-server-name=my-cluster-name
  
  # Set the proxy URL for the e2e cluster entry
  kubectl config set-cluster e2e --proxy-url=https://1.2.3.4`,
  use: 'config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]',
  flags: [
    { name: 'certificate-authority', type: 'string', usage: 'Path to certificate-authority file for the cluster entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', usage: 'embed-certs for the cluster entry in kubeconfig' },
    { name: 'insecure-skip-tls-verify', type: 'bool', usage: 'insecure-skip-tls-verify for the cluster entry in kubeconfig' },
    { name: 'proxy-url', type: 'string', usage: 'proxy-url for the cluster entry in kubeconfig' },
    { name: 'server', type: 'string', usage: 'server for the cluster entry in kubeconfig' },
    { name: 'tls-server-name', type: 'string', usage: 'tls-server-name for the cluster entry in kubeconfig' },
  ],
};

/** configSetCredentialsHelp is the help of `kubectl config set-credentials` as kubectl 1.33 prints it. */
export const configSetCredentialsHelp: HelpTexts = {
  short: 'Set a user entry in kubeconfig',
  long: `Set a user entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values.

        Client-certificate flags:
        --client-certificate=certfile --client-key=keyfile
        
        Bearer token flags:
        --token=bearer_token
        
        Basic auth flags:
        --username=basic_user --password=basic_password
        
 Bearer token and basic auth are mutually exclusive.`,
  example: `  # Set only the "client-key" field on the "cluster-admin"
  # entry, without touching other values
  kubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key
  
  # Set basic auth for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif
  
  # Embed client certificate data in the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true
  
  # Enable the Google Compute Platform auth provider for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --auth-provider=gcp
  
  # Enable the OpenID Connect auth provider for the "cluster-admin" entry with additional arguments
  kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar
  
  # Remove the "client-secret" config value for the OpenID Connect auth provider for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-secret-
  
  # Enable new exec auth plugin for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1
  
  # Enable new exec auth plugin for the "cluster-admin" entry with interactive mode
  kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-interactive-mode=Never
  
  # Define new exec auth plugin arguments for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-arg=arg1 --exec-arg=arg2
  
  # Create or update exec auth plugin environment variables for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2
  
  # Remove exec auth plugin environment variables for the "cluster-admin" entry
  kubectl config set-credentials cluster-admin --exec-env=var-to-remove-`,
  use: 'config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]',
  flags: [
    { name: 'auth-provider', type: 'string', usage: 'Auth provider for the user entry in kubeconfig' },
    { name: 'auth-provider-arg', type: 'stringArray', usage: '\'key=value\' arguments for the auth provider' },
    { name: 'client-certificate', type: 'string', usage: 'Path to client-certificate file for the user entry in kubeconfig' },
    { name: 'client-key', type: 'string', usage: 'Path to client-key file for the user entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', usage: 'Embed client cert/key for the user entry in kubeconfig' },
    { name: 'exec-api-version', type: 'string', usage: 'API version of the exec credential plugin for the user entry in kubeconfig' },
    { name: 'exec-arg', type: 'stringArray', usage: 'New arguments for the exec credential plugin command for the user entry in kubeconfig' },
    { name: 'exec-command', type: 'string', usage: 'Command for the exec credential plugin for the user entry in kubeconfig' },
    { name: 'exec-env', type: 'stringArray', usage: '\'key=value\' environment values for the exec credential plugin' },
    { name: 'exec-interactive-mode', type: 'string', usage: 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig' },
    { name: 'exec-provide-cluster-info', type: 'bool', usage: 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig' },
    { name: 'password', type: 'string', usage: 'password for the user entry in kubeconfig' },
    { name: 'token', type: 'string', usage: 'token for the user entry in kubeconfig' },
    { name: 'username', type: 'string', usage: 'username for the user entry in kubeconfig' },
  ],
};

/** configDeleteContextHelp is the help of `kubectl config delete-context` as kubectl 1.33 prints it. */
export const configDeleteContextHelp: HelpTexts = {
  short: 'Delete the specified context from the kubeconfig',
  long: `Delete the specified context from the kubeconfig.`,
  example: `  # Delete the context for the minikube cluster
  kubectl config delete-context minikube`,
  use: 'config delete-context NAME [options]',
};

/** configDeleteClusterHelp is the help of `kubectl config delete-cluster` as kubectl 1.33 prints it. */
export const configDeleteClusterHelp: HelpTexts = {
  short: 'Delete the specified cluster from the kubeconfig',
  long: `Delete the specified cluster from the kubeconfig.`,
  example: `  # Delete the minikube cluster
  kubectl config delete-cluster minikube`,
  use: 'config delete-cluster NAME [options]',
};

/** configDeleteUserHelp is the help of `kubectl config delete-user` as kubectl 1.33 prints it. */
export const configDeleteUserHelp: HelpTexts = {
  short: 'Delete the specified user from the kubeconfig',
  long: `Delete the specified user from the kubeconfig.`,
  example: `  # Delete the minikube user
  kubectl config delete-user minikube`,
  use: 'config delete-user NAME [options]',
};

/** configRenameContextHelp is the help of `kubectl config rename-context` as kubectl 1.33 prints it. */
export const configRenameContextHelp: HelpTexts = {
  short: 'Rename a context from the kubeconfig file',
  long: `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.`,
  example: `  # Rename the context 'old-name' to 'new-name' in your kubeconfig file
  kubectl config rename-context old-name new-name`,
  use: 'config rename-context CONTEXT_NAME NEW_NAME [options]',
};

/** configSetHelp is the help of `kubectl config set` as kubectl 1.33 prints it. */
export const configSetHelp: HelpTexts = {
  short: 'Set an individual value in a kubeconfig file',
  long: `Set an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.

 PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.

 Specifying an attribute name that already exists will merge new fields on top of existing values.`,
  example: `  # Set the server field on the my-cluster cluster to https://1.2.3.4
  kubectl config set clusters.my-cluster.server https://1.2.3.4
  
  # Set the certificate-authority-data field on the my-cluster cluster
  kubectl config set clusters.my-cluster.certificate-authority-data $(echo "cert_data_here" | base64 -i -)
  
  # Set the cluster field in the my-context context to my-cluster
  kubectl config set contexts.my-context.cluster my-cluster
  
  # Set the client-key-data field in the cluster-admin user using --set-raw-bytes option
  kubectl config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true`,
  use: 'config set PROPERTY_NAME PROPERTY_VALUE [options]',
  flags: [
    { name: 'set-raw-bytes', type: 'bool', usage: 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.' },
  ],
};

/** configUnsetHelp is the help of `kubectl config unset` as kubectl 1.33 prints it. */
export const configUnsetHelp: HelpTexts = {
  short: 'Unset an individual value in a kubeconfig file',
  long: `Unset an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.`,
  example: `  # Unset the current-context
  kubectl config unset current-context
  
  # Unset namespace in foo context
  kubectl config unset contexts.foo.namespace`,
  use: 'config unset PROPERTY_NAME [options]',
};
