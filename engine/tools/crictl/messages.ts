import type { ContainerRecord, Sandbox } from '../../node/runtime/types.ts';
import type { StoredImage } from '../../node/runtime/image-store.ts';
import { toGoYaml } from '../../base/goyaml.ts';

/**
 * The CRI list responses as crictl prints them with `-o json|yaml`: protojson
 * with EmitDefaultValues (empty strings, maps and lists shown, unset messages
 * left out), fields in their proto order, map keys sorted, 64-bit integers as
 * strings, enums by name. YAML is that JSON through sigs.k8s.io/yaml.
 */

/** nanos is a CRI timestamp (int64 nanoseconds since the epoch) as protojson writes it. */
function nanos(ms: number): string {
  return (BigInt(Math.round(ms)) * 1_000_000n).toString();
}

function sorted(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]!]));
}

/** containerMessage is a runtime.v1.Container as containerd lists it for a kubelet-created container. */
export function containerMessage(r: ContainerRecord): object {
  return {
    id: r.id,
    podSandboxId: r.sandboxId,
    metadata: { name: r.config.name, attempt: r.config.attempt },
    // the kubelet asks for the image by its id and passes the name the pod spec gave (here the tag it resolved to)
    image: { image: r.image.id, annotations: {}, userSpecifiedImage: r.image.repoTags[0] ?? r.config.image, runtimeHandler: '' },
    imageRef: r.image.id,
    state: r.state,
    createdAt: nanos(r.createdAt),
    labels: sorted(r.config.labels),
    annotations: sorted(r.config.annotations),
  };
}

/** sandboxMessage is a runtime.v1.PodSandbox. */
export function sandboxMessage(s: Sandbox): object {
  return {
    id: s.id,
    metadata: { name: s.config.name, uid: s.config.uid, namespace: s.config.namespace, attempt: s.config.attempt },
    state: s.state,
    createdAt: nanos(s.createdAt),
    labels: sorted(s.config.labels),
    annotations: sorted(s.config.annotations),
    runtimeHandler: '',
  };
}

/** imageMessage is a runtime.v1.Image: containerd sets uid for a numeric image user, username otherwise. */
export function imageMessage(i: StoredImage): object {
  const user = (i.def.user ?? '').split(':')[0]!;
  const numeric = /^\d+$/.test(user);
  return {
    id: i.id,
    repoTags: i.repoTags,
    repoDigests: i.repoDigests,
    size: String(i.size),
    ...(numeric ? { uid: { value: user } } : {}),
    username: numeric ? '' : user,
    pinned: i.pinned,
  };
}

/** printResponse writes a list response in json or yaml as crictl's fmt.Println does (YAML keeps its own final newline, so a blank line follows). */
export function printResponse(write: (s: string) => void, format: 'json' | 'yaml', response: object): void {
  const json = JSON.stringify(response, null, 2);
  write(format === 'json' ? `${json}\n` : `${toGoYaml(JSON.parse(json))}\n`);
}
