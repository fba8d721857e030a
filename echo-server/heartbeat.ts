// Ping every peer on an interval; a peer that has not answered the previous
// ping by the next one is gone (cable pulled, laptop asleep) and is dropped.
import type { Connection } from './connection.ts';

export function watchHeartbeats(connections: Iterable<Connection>, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => {};
  const timer = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Marks `conn` alive whenever it answers a ping. */
export function trackPongs(conn: Connection): void {
  conn.ws.on('pong', () => {
    conn.alive = true;
  });
}
