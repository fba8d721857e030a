// Ping every peer on an interval; a peer that has not answered the previous
// ping by the next one is gone (cable pulled, laptop asleep) and is dropped.
// Each Connection marks itself alive when a pong arrives.
import type { Connection } from './connection.ts';

export function watchHeartbeats(connections: Iterable<Connection>, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => {};
  const timer = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        conn.terminate();
        continue;
      }
      conn.alive = false;
      conn.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
