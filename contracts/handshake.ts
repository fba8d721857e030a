// /handshake's first message, and the constant the accept is computed with.

/** RFC 6455 §4.2.2: the server appends this to Sec-WebSocket-Key, then SHA-1 and Base64 make Sec-WebSocket-Accept. */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * The Upgrade request exactly as the server received it (cookies and
 * credentials shown by length only) and the accept it answered. `accept` comes
 * before `request`: a viewer may cut a long request short, and the accept is
 * what the handshake lesson needs.
 */
export interface HandshakeReport {
  type: 'handshake';
  accept: string;
  request: { method: string; path: string; httpVersion: string; headers: Array<[string, string]> };
}
