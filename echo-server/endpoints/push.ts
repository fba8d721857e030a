// /push?interval=MS: sends the weather reading every interval without being
// asked. A reading is skipped, not queued, while the peer is not keeping up:
// the next one replaces it anyway.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { PushedReading } from '../../contracts/weather.ts';
import { currentReading } from '../weather.ts';
import { intParam, SMALL_PAYLOAD, type Endpoint } from './endpoint.ts';

export const push: Endpoint<number> = {
  path: WS_PATHS.push,
  pool: 'lesson',
  origins: 'any',
  // What the client sends is ignored.
  maxPayload: SMALL_PAYLOAD,
  parse: (query) => intParam(query, 'interval', 1000, 100, 60_000, true),
  open(conn, intervalMs) {
    const sendReading = () => {
      if (!conn.congested) conn.sendJson({ type: 'reading', ...currentReading() } satisfies PushedReading);
    };
    sendReading();
    const timer = setInterval(sendReading, intervalMs);
    conn.onClose(() => clearInterval(timer));
  },
};
