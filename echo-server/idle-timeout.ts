// Closes connections with no message either way for the idle timeout. A
// sweeper checks activity marks instead of re-arming a timer per message, which
// keeps the message path cheap.
import { CloseCode, IDLE_TIMEOUT_REASON } from '../contracts/close-codes.ts';
import type { Connection } from './connection.ts';

export function watchIdleConnections(connections: Iterable<Connection>, timeoutMs: number): () => void {
  if (timeoutMs <= 0) return () => {};
  const tick = Math.max(25, Math.floor(timeoutMs / 4));
  const timer = setInterval(() => {
    const now = performance.now();
    for (const conn of connections) {
      if (conn.active) {
        conn.active = false;
        conn.quietSince = now;
      } else if (now - conn.quietSince >= timeoutMs) {
        conn.close(CloseCode.Normal, IDLE_TIMEOUT_REASON);
      }
    }
  }, tick);
  timer.unref();
  return () => clearInterval(timer);
}
