import { CONTROL_PLANE_IMAGES } from '../controlplane/images.ts';
import { makeImageCatalog } from '../node/images/catalog.ts';
import type { ImageCatalog, ImageDef } from '../node/images/types.ts';
import { CHART_IMAGES, WORKLOAD_IMAGES } from '../node/images/workloads.ts';

/** EXTRA_IMAGES are images added at run time (add-ons registering their own). */
const EXTRA_IMAGES: ImageDef[] = [];

/** registerImages adds images to the catalogue used at boot (an add-on's controller image…). */
export function registerImages(defs: ImageDef[]): void {
  for (const d of defs) if (!EXTRA_IMAGES.includes(d)) EXTRA_IMAGES.push(d);
}

/**
 * clusterImageCatalog is every image a lab's registries serve: the workload
 * images (engine/node/images) and the control-plane images kubeadm runs
 * (engine/controlplane/images.ts).
 */
export function clusterImageCatalog(): ImageCatalog & { all(): ImageDef[] } {
  return makeImageCatalog([...WORKLOAD_IMAGES, ...CHART_IMAGES, ...CONTROL_PLANE_IMAGES, ...EXTRA_IMAGES]);
}

/** registerControlPlaneImages is registerImages under the name the control-plane package's README uses. */
export const registerControlPlaneImages = registerImages;
