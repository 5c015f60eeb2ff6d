import type { AdmissionPlugin, AdmissionRequest, ClusterView } from './types.ts';

/**
 * AdmissionChain runs the enabled plugins in the apiserver's fixed order:
 * every mutating step first, then every validating step.
 */
export class AdmissionChain {
  constructor(private readonly plugins: AdmissionPlugin[]) {}

  names(): string[] {
    return this.plugins.map((p) => p.name);
  }

  admit(req: AdmissionRequest, view: ClusterView): void {
    for (const p of this.plugins) p.admit?.(req, view);
  }

  validate(req: AdmissionRequest, view: ClusterView): void {
    for (const p of this.plugins) p.validate?.(req, view);
  }
}
