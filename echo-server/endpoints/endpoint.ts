// What an endpoint module provides: how to read its query before the handshake
// is answered (throw BadRequest to refuse it), and what to do once open.
import type { IncomingMessage } from 'node:http';
import type { Connection } from '../connection.ts';

/** Refuses a handshake with an HTTP status (400 unless told) and a plain-text explanation. */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface Endpoint<Params = void> {
  path: string;
  parse?(query: URLSearchParams, req: IncomingMessage): Params;
  open(conn: Connection, params: Params): void;
}

/** An endpoint with its query already read, ready to be opened. */
export type Accepted = (conn: Connection) => void;

/** Reads the query now (may throw BadRequest) and returns the opener. */
export function accept<P>(endpoint: Endpoint<P>, query: URLSearchParams, req: IncomingMessage): Accepted {
  const params = endpoint.parse ? endpoint.parse(query, req) : (undefined as P);
  return (conn) => endpoint.open(conn, params);
}

/** An integer query parameter with a default and bounds; `clamp` pulls out-of-range values in instead of refusing. */
export function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number, clamp = false): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new BadRequest(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  const value = Number(raw);
  if (value >= min && value <= max) return value;
  if (clamp) return Math.min(max, Math.max(min, value));
  throw new BadRequest(`${name} must be between ${min} and ${max}, got ${value}`);
}
