/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP } from './bin/web.ts';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-yaml's worker manager still imports the pre-0.56 deep paths.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
  },
  worker: { format: 'es' },
  optimizeDeps: {
    include: [
      'monaco-editor/editor',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/yaml/register',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
  // The built app is served with the same Content-Security-Policy as `kubelab web` (bin/web.ts).
  preview: { headers: { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' } },
  test: {
    include: ['engine/**/*.test.ts', 'exercises/**/*.test.ts', 'bin/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    pool: 'threads',
  },
});
