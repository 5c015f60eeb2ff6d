#!/usr/bin/env node
// The `kubelab` command: runs bin/cli.ts through tsx, so the engine's TypeScript runs unchanged in Node.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
