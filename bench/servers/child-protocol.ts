// What a benchmark server child tells its parent over IPC: its port once
// listening, its memory (after a full GC) and its CPU time whenever asked.

export type ToParent =
  | { type: 'listening'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; external: number }
  | { type: 'cpu'; micros: number };
export type ToChild = { type: 'memory' } | { type: 'cpu' };

/** Answers memory requests from the parent; call once the server is listening on `port`. */
export function serveParent(port: number): void {
  const send = (message: ToParent) => process.send?.(message);
  process.on('message', (message: ToChild) => {
    if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      return send({ type: 'cpu', micros: user + system });
    }
    // --expose-gc is set by the parent so readings do not depend on GC timing.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, external });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'listening', port });
}
