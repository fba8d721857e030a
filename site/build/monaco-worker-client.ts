// Monaco's language services import `internal/common/workers.js`, which pulls
// in every editor contribution for its side effects (microsoft/monaco-editor#5162).
// This Vite plugin resolves it to our client (site/playground/monaco/worker-client.ts),
// which does only the worker start. Used by the site's build and the editor floor
// page of bench/page-budgets.ts, so both load the same Monaco.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export function monacoWorkerClient(): Plugin {
  const client = fileURLToPath(new URL('../playground/monaco/worker-client.ts', import.meta.url));
  return {
    name: 'wsp:monaco-worker-client',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('/monaco-editor/') && source.endsWith('/internal/common/workers.js')) return client;
      return null;
    },
  };
}
