// What a benchmark server child tells its parent over IPC: its port once
// listening, and its memory (after a full GC) whenever asked.

export type ToParent = { type: 'listening'; port: number } | { type: 'memory'; rss: number; heapUsed: number; external: number };
export type ToChild = { type: 'memory' };

/** Answers memory requests from the parent; call once the server is listening on `port`. */
export function serveParent(port: number): void {
  const send = (message: ToParent) => process.send?.(message);
  process.on('message', (message: ToChild) => {
    if (message.type !== 'memory') return;
    // --expose-gc is set by the parent so readings do not depend on GC timing.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, external });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'listening', port });
}
