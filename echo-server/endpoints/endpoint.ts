// What an endpoint module provides: how to read its query before the handshake
// is answered (throw BadRequest to refuse it), and what to do once open.
import type { IncomingMessage } from 'node:http';
import type { ClientInfo } from '../client-info.ts';
import type { Connection } from '../connection.ts';
import type { Pool } from '../limits.ts';
import type { OriginRule } from '../origin-check.ts';

/** Refuses a handshake with an HTTP status (400 unless told) and a plain-text explanation. */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** The largest message the workshop's own sockets take: their messages are a line of chat or a list of slugs. */
export const SMALL_PAYLOAD = 16 * 1024;

export interface Endpoint<Params = void> {
  path: string;
  /** Which connection pool its sockets count against. */
  pool: Pool;
  /** Which pages may open it (see origin-check.ts). */
  origins: OriginRule;
  /** Largest message in bytes, refused by ws from the frame header before it is read; 'lesson' = --max-payload. */
  maxPayload: number | 'lesson';
  /** Which of the offered subprotocols the handshake selects (false: none); without it, the first offered. */
  subprotocol?(offered: ReadonlySet<string>): string | false;
  parse?(query: URLSearchParams, req: IncomingMessage, client: ClientInfo): Params;
  open(conn: Connection, params: Params): void;
}

/** An endpoint with its query already read, ready to be opened. */
export type Accepted = (conn: Connection) => void;

/** Reads the query now (may throw BadRequest) and returns the opener. */
export function accept<P>(endpoint: Endpoint<P>, query: URLSearchParams, req: IncomingMessage, client: ClientInfo): Accepted {
  const params = endpoint.parse ? endpoint.parse(query, req, client) : (undefined as P);
  return (conn) => endpoint.open(conn, params);
}

/** The fields of a JSON object message whose "type" is `type`; undefined for anything else, bad JSON included. */
export function typedMessage(text: string, type: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  return fields?.type === type ? fields : undefined;
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
