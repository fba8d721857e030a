// The close codes (RFC 6455 §7.4.1) this server sends and the site and the
// lessons' checks read, named once. Endpoints that close with a code a client
// chooses (/close?code=) take any sendable number; these are the ones the
// server picks itself.
export const CloseCode = {
  /** The work is done: end of a stream, idle timeout, a demo that finished. */
  Normal: 1000,
  /** The server is shutting down. */
  GoingAway: 1001,
  /** A kind of message the endpoint does not take (binary where text is expected). */
  UnsupportedData: 1003,
  /** Never sent: the browser reports it when a connection ended without a close frame. */
  Abnormal: 1006,
  /** A rule was broken: rate limit, bad token, taken name, slow reader, wrong subprotocol. */
  PolicyViolation: 1008,
  /** A message over the endpoint's size limit. */
  MessageTooBig: 1009,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The reason sent with 1000 when a connection saw no message either way for the idle timeout. */
export const IDLE_TIMEOUT_REASON = 'idle timeout';
