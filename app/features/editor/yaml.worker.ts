// monaco-yaml's language server, bundled as its own worker (monaco-yaml's documented Vite set-up).
import 'monaco-yaml/yaml.worker.js';
