// /heartbeat?silentAfter=MS&jitter=MS: echoes every message until, at a chosen
// or random moment (or when asked with {"type":"silence"}), it goes silent
// without closing: it stops reading and writing, so not even protocol pings are
// answered. The client sees a socket whose readyState stays OPEN while nothing
// comes back — a dead connection only an application-level ping can detect.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { PauseReason } from '../backpressure.ts';
import { intParam, typedMessage, type Endpoint } from './endpoint.ts';

/** Largest message this endpoint reads; pings are tiny. */
export const HEARTBEAT_MAX_PAYLOAD = 4 * 1024;
/** How long a silent connection is kept before the server drops it, so silence cannot pin a socket for ever. */
export const SILENCE_MAX_MS = 60_000;
const MAX_DELAY_MS = 60_000;

interface HeartbeatParams {
  silentAfterMs: number | null;
  jitterMs: number;
}

export const heartbeat: Endpoint<HeartbeatParams> = {
  path: WS_PATHS.heartbeat,
  pool: 'lesson',
  origins: 'any',
  maxPayload: HEARTBEAT_MAX_PAYLOAD,
  parse: (query) => ({
    silentAfterMs: query.has('silentAfter') ? intParam(query, 'silentAfter', 0, 0, MAX_DELAY_MS) : null,
    jitterMs: intParam(query, 'jitter', 0, 0, MAX_DELAY_MS),
  }),
  open(conn, { silentAfterMs, jitterMs }) {
    let silent = false;
    let dropTimer: NodeJS.Timeout | undefined;
    const goSilent = () => {
      if (silent) return;
      silent = true;
      // Paused, ws reads nothing more: no messages, no pongs, no close frame.
      conn.gate.hold(PauseReason.Pacing);
      dropTimer = setTimeout(() => conn.terminate(), SILENCE_MAX_MS);
    };
    const silenceTimer =
      silentAfterMs === null ? undefined : setTimeout(goSilent, silentAfterMs + Math.floor(Math.random() * (jitterMs + 1)));
    conn.onClose(() => {
      clearTimeout(silenceTimer);
      clearTimeout(dropTimer);
    });
    conn.onMessage((data, isBinary) => {
      if (silent) return; // already read from the socket before the pause took hold
      if (!isBinary && typedMessage(data.toString(), 'silence')) return goSilent();
      conn.send(data, isBinary);
    });
  },
};
