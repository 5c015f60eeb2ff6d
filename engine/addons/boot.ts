import type { ComponentStarter } from '../cluster/boot/components.ts';
import './images.ts';
import './cert-manager/images.ts';
import { startMetricsServerAddon } from './metrics-server/addon.ts';
import { startCsiHostpathAddon } from './storage/csi-hostpath.ts';
import { startLocalPathAddon } from './storage/local-path.ts';

/** ADDON_COMPONENTS start the add-ons a cluster's lab definition lists (metrics-server, local-path-provisioner, csi-hostpath). */
export const ADDON_COMPONENTS: ComponentStarter[] = [startMetricsServerAddon, startLocalPathAddon, startCsiHostpathAddon];
