// Stands in for monaco-editor's `internal/common/workers.js` (see
// astro.config.mjs). The original also imports every editor contribution
// for its side effects (microsoft/monaco-editor#5162), which put ~1 MB of
// features we do not use on the path to an editable editor. This keeps only
// what the TypeScript language service needs: start the worker through
// MonacoEnvironment.getWorker and hand it to Monaco's model-syncing client.
import { editor, type Environment } from 'monaco-editor/editor/editor.api.js';

type WorkerOptions = Omit<editor.IInternalWebWorkerOptions, 'worker'> & { label?: string; createData: unknown };

export function createWebWorker<T extends object>(options: WorkerOptions): editor.MonacoWebWorker<T> {
  const environment = (globalThis as { MonacoEnvironment?: Environment }).MonacoEnvironment;
  if (!environment?.getWorker) throw new Error('MonacoEnvironment.getWorker is not set');
  const label = options.label ?? 'monaco-editor-worker';
  const worker = Promise.resolve(environment.getWorker('workerMain.js', label)).then((started) => {
    // The worker's first message is discarded by Monaco's worker bootstrap; the second carries createData.
    started.postMessage('ignore');
    started.postMessage(options.createData);
    return started;
  });
  return editor.createWebWorker<T>({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}
