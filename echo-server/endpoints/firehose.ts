// /firehose?bytes=N&size=S&credit=1: binary messages of S bytes, N bytes in all,
// as fast as the client's TCP window takes them. The server queues at most
// FIREHOSE_QUEUE bytes for the client and waits for the socket to drain before
// writing more, so a client that reads slowly slows the sender and never grows
// the server's memory. Each message starts with its sequence number (uint32 BE).
// With credit=1 it sends only as many messages as the client has granted with
// {"type":"credit","messages":K}: flow control in the protocol, for browsers
// whose WebSocket API cannot slow down what arrives. At the end it sends
// {"type":"done","messages","bytes","elapsedMs","waitedMs"} (waitedMs: time spent
// waiting for the client) and closes with 1000.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { CloseCode } from '../../contracts/close-codes.ts';
import { BadRequest, intParam, typedMessage, type Endpoint } from './endpoint.ts';

/** Largest message this endpoint reads: credit grants are tiny. */
export const FIREHOSE_MAX_PAYLOAD = 1024;
export const FIREHOSE_MAX_BYTES = 64 * 1024 * 1024;
export const FIREHOSE_MAX_MESSAGE = 1024 * 1024;
/** Bytes the server lets wait for the client before it stops writing. */
export const FIREHOSE_QUEUE = 256 * 1024;
/** Longest a firehose runs; a client that reads too slowly is closed with 1008 then. */
export const FIREHOSE_MAX_MS = 60_000;
/** Messages a client may have granted and not yet received. */
export const FIREHOSE_MAX_CREDIT = 10_000;

interface FirehoseParams {
  bytes: number;
  size: number;
  credit: boolean;
}

function creditGrant(text: string): number | undefined {
  const n = typedMessage(text, 'credit')?.messages;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

export const firehose: Endpoint<FirehoseParams> = {
  path: WS_PATHS.firehose,
  pool: 'lesson',
  origins: 'any',
  maxPayload: FIREHOSE_MAX_PAYLOAD,
  parse: (query) => {
    const credit = query.get('credit') ?? '0';
    if (credit !== '0' && credit !== '1') throw new BadRequest(`credit must be 0 or 1, got ${JSON.stringify(credit.slice(0, 20))}`);
    return {
      bytes: intParam(query, 'bytes', 8 * 1024 * 1024, 1, FIREHOSE_MAX_BYTES),
      size: intParam(query, 'size', 16 * 1024, 4, FIREHOSE_MAX_MESSAGE),
      credit: credit === '1',
    };
  },
  open(conn, { bytes, size, credit }) {
    const started = performance.now();
    const total = Math.ceil(bytes / size);
    let sent = 0;
    let sentBytes = 0;
    let granted = credit ? 0 : total;
    let waitedMs = 0;
    let waitingSince: number | null = null;
    const deadline = setTimeout(
      () => conn.close(CloseCode.PolicyViolation, `a firehose runs at most ${FIREHOSE_MAX_MS} ms`),
      FIREHOSE_MAX_MS,
    );

    const pump = () => {
      while (conn.isOpen && sent < Math.min(granted, total)) {
        if (conn.bufferedAmount > FIREHOSE_QUEUE) {
          // ws's socket emits 'drain' once the kernel has taken what was queued.
          if (waitingSince === null) waitingSince = performance.now();
          conn.socket.once('drain', pump);
          return;
        }
        if (waitingSince !== null) {
          waitedMs += performance.now() - waitingSince;
          waitingSince = null;
        }
        const length = Math.min(size, bytes - sentBytes);
        const message = Buffer.alloc(length);
        if (length >= 4) message.writeUInt32BE(sent + 1, 0);
        conn.send(message, true);
        sent++;
        sentBytes += length;
      }
      if (sent === total && conn.isOpen) {
        clearTimeout(deadline);
        conn.sendJson({
          type: 'done',
          messages: sent,
          bytes: sentBytes,
          elapsedMs: Math.round(performance.now() - started),
          waitedMs: Math.round(waitedMs),
        });
        conn.close(CloseCode.Normal, 'all sent');
      }
    };
    conn.onClose(() => {
      clearTimeout(deadline);
      conn.socket.off('drain', pump);
    });
    conn.onMessage((data, isBinary) => {
      const grant = credit && !isBinary ? creditGrant(data.toString('utf8')) : undefined;
      if (grant === undefined)
        return conn.close(
          CloseCode.UnsupportedData,
          credit ? 'send {"type":"credit","messages":K} with a positive integer K' : 'this firehose takes no messages',
        );
      if (granted - sent + grant > FIREHOSE_MAX_CREDIT)
        return conn.close(CloseCode.PolicyViolation, `at most ${FIREHOSE_MAX_CREDIT} messages may be granted ahead`);
      granted += grant;
      if (waitingSince === null) pump(); // else the pending 'drain' resumes it
    });
    pump();
  },
};
