/**
 * KNOWN_DIFFERENCES lists commands whose output differs on purpose, with why:
 * only what the real kubectl 1.33 does differently from the 1.34 the lab
 * simulates (docs/fidelity.md shows them). The suite asserts they do differ,
 * so an entry that stops differing is noticed.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'version --client': 'the lab runs kubectl v1.34.1 with Kustomize v5.7.1; the comparison kubectl is v1.33.1 with Kustomize v5.6.0',
};
