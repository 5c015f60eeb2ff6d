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
    // Pre-bundle what the editor and the graph load lazily, so the dev server never
    // re-optimises (and reloads the page) the first time they open.
    include: [
      'monaco-editor/editor',
      ...['bracketMatching', 'clipboard', 'codeAction', 'comment', 'contextmenu', 'cursorUndo', 'find', 'folding', 'format', 'gotoError', 'hover', 'indentation', 'linesOperations', 'multicursor', 'suggest', 'wordHighlighter', 'wordOperations'].map((f) => `monaco-editor/features/${f}/register`),
      'monaco-editor/languages/definitions/yaml/register',
      'monaco-editor/editor/contrib/suggest/browser/suggestController',
      'monaco-editor/editor/contrib/snippet/browser/snippetController2',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
      'monaco-vim',
      'cytoscape',
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
