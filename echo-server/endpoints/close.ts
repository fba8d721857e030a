// /close?code=&reason=&delay=: closes with the code and reason asked for,
// after a delay, so a lesson can watch onclose. Codes a server may not send are
// refused before the handshake with a 400 that says why.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { BadRequest, intParam, SMALL_PAYLOAD, type Endpoint } from './endpoint.ts';

const NEVER_SENT = new Map([
  [1002, 'means the peer broke the protocol; a server sends it only when that really happened, so it is not faked here'],
  [1004, 'is reserved'],
  [1005, 'only reports "no status code" locally and is never sent'],
  [1006, 'only reports "closed abnormally" locally and is never sent'],
  [1015, 'only reports a TLS failure locally and is never sent'],
]);

/** Why `code` may not be sent by a server, or null when it may. */
export function refusedCloseCode(code: number): string | null {
  if (!Number.isInteger(code)) return 'is not an integer';
  if (NEVER_SENT.has(code)) return NEVER_SENT.get(code)!;
  const sendable = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
  if (sendable) return null;
  if (code < 1000) return 'is below 1000, which is not a close code';
  if (code <= 2999) return 'is reserved for future WebSocket standards';
  return 'is above 4999, which is not a close code';
}

interface CloseRequest {
  code: number;
  reason: string;
  delayMs: number;
}

export const close: Endpoint<CloseRequest> = {
  path: WS_PATHS.close,
  pool: 'lesson',
  origins: 'any',
  // What the client sends is ignored.
  maxPayload: SMALL_PAYLOAD,
  parse(query) {
    const rawCode = query.get('code') ?? '1000';
    const code = /^\d+$/.test(rawCode) ? Number(rawCode) : Number.NaN;
    const why = refusedCloseCode(code);
    if (why) {
      throw new BadRequest(`close code ${rawCode} ${why}. This endpoint sends 1000, 1001, 1003, 1007–1014 or 3000–4999.`);
    }
    const reason = query.get('reason') ?? '';
    const bytes = Buffer.byteLength(reason);
    if (bytes > 123) throw new BadRequest(`reason is ${bytes} UTF-8 bytes; a close reason may be at most 123`);
    return { code, reason, delayMs: intParam(query, 'delay', 0, 0, 60_000) };
  },
  open(conn, { code, reason, delayMs }) {
    const timer = setTimeout(() => conn.close(code, reason), delayMs);
    conn.onClose(() => clearTimeout(timer));
  },
};
