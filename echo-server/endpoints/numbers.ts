// /numbers?since=N&until=M&interval=MS&dropAfter=K: a numbered stream. Sends
// {"type":"number","seq":n} for n = since+1 … until, one every interval, then
// closes with 1000. With dropAfter, each connection is cut (no close frame, as
// when a network fails) after a random 1…K messages, so a client must resume
// with ?since=<last seq seen> to get every number exactly once.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { CloseCode } from '../../contracts/close-codes.ts';
import { intParam, type Endpoint } from './endpoint.ts';

/** Largest message this endpoint reads; it expects none. */
export const NUMBERS_MAX_PAYLOAD = 1024;
export const NUMBERS_MAX_SEQ = 100_000;
/** Bounds the stream's duration: at most this many numbers per connection, at least one every 10 ms. */
export const NUMBERS_MAX_PER_CONNECTION = 10_000;

interface NumbersParams {
  since: number;
  until: number;
  intervalMs: number;
  dropAfter: number;
}

export const numbers: Endpoint<NumbersParams> = {
  path: WS_PATHS.numbers,
  pool: 'lesson',
  origins: 'any',
  maxPayload: NUMBERS_MAX_PAYLOAD,
  parse(query) {
    const since = intParam(query, 'since', 0, 0, NUMBERS_MAX_SEQ);
    const until = intParam(query, 'until', 100, 1, NUMBERS_MAX_SEQ);
    return {
      since,
      until: Math.min(until, since + NUMBERS_MAX_PER_CONNECTION),
      intervalMs: intParam(query, 'interval', 50, 10, 5000),
      dropAfter: intParam(query, 'dropAfter', 0, 0, 1000),
    };
  },
  open(conn, { since, until, intervalMs, dropAfter }) {
    let seq = since;
    const dropAt = dropAfter > 0 ? since + 1 + Math.floor(Math.random() * dropAfter) : Infinity;
    const timer = setInterval(() => {
      if (seq >= until) {
        clearInterval(timer);
        return conn.close(CloseCode.Normal, 'end of stream');
      }
      // A client that does not keep up misses nothing: the number waits for the next tick.
      if (conn.congested) return;
      seq++;
      conn.sendJson({ type: 'number', seq });
      if (seq >= dropAt && seq < until) {
        clearInterval(timer);
        conn.terminate();
      }
    }, intervalMs);
    conn.onClose(() => clearInterval(timer));
  },
};
