// /slow?bps=N: a deliberately slow reader. It takes bytes off the TCP socket
// at N per second (pausing reads when ahead of that pace), so the sender's
// bufferedAmount grows, and reports progress as it goes.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { PauseReason } from '../backpressure.ts';
import { intParam, type Endpoint } from './endpoint.ts';

const PROGRESS_EVERY_MS = 250;

export const slow: Endpoint<number> = {
  path: WS_PATHS.slow,
  pool: 'lesson',
  origins: 'any',
  maxPayload: 'lesson',
  parse: (query) => intParam(query, 'bps', 1024 * 1024, 1024, 1024 * 1024 * 1024),
  open(conn, bytesPerSecond) {
    const started = performance.now();
    let received = 0;
    let messages = 0;
    let lastProgress = 0;
    let resumeTimer: NodeJS.Timeout | undefined;

    const elapsedMs = () => Math.round(performance.now() - started);
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      const aheadMs = (received / bytesPerSecond) * 1000 - (performance.now() - started);
      if (aheadMs > 0 && resumeTimer === undefined) {
        conn.gate.hold(PauseReason.Pacing);
        resumeTimer = setTimeout(() => {
          resumeTimer = undefined;
          conn.gate.release(PauseReason.Pacing);
        }, aheadMs);
      }
      const now = elapsedMs();
      if (now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        conn.sendJson({ type: 'progress', received, messages, elapsedMs: now });
      }
    };
    conn.socket.on('data', onData);
    conn.onClose(() => {
      clearTimeout(resumeTimer);
      conn.socket.off('data', onData);
    });
    conn.onMessage((data) => {
      messages++;
      conn.sendJson({ type: 'message', size: data.length, received, messages });
    });
  },
};
