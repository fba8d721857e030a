// /rpc: a small JSON-RPC 2.0 service under the subprotocol "jsonrpc-2.0".
// Methods: add([a, b]), echo(any), sleep({ ms }) answers late, fail() answers
// with an error, subscribe({ count, interval }) pushes "tick" notifications;
// the notification cancel({ id }) drops a pending sleep. A client that did not
// offer the subprotocol gets a handshake with none selected, then a 1008 close.
import { RPC_SUBPROTOCOL, WS_PATHS } from '../../contracts/endpoints.ts';
import { CloseCode } from '../../contracts/close-codes.ts';
import type { Endpoint } from './endpoint.ts';

/** Largest message this endpoint reads. */
export const RPC_MAX_PAYLOAD = 64 * 1024;
export const RPC_MAX_SLEEP_MS = 10_000;
/** Calls answered late (sleep) and subscriptions that may be pending at once per connection. */
export const RPC_MAX_PENDING = 16;
export const RPC_MAX_TICKS = 100;

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const APPLICATION_ERROR = -32000;

/** Marks a call answered later by a timer. */
const LATE = Symbol('late');

type Id = string | number | null;

interface Request {
  jsonrpc: '2.0';
  method: string;
  params?: unknown;
  id?: Id;
}

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  const idOk = !('id' in r) || r.id === null || typeof r.id === 'string' || (typeof r.id === 'number' && Number.isFinite(r.id));
  return r.jsonrpc === '2.0' && typeof r.method === 'string' && idOk;
}

function numberParam(params: unknown, key: string, min: number, max: number, fallback?: number): number {
  const value = typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[key] : undefined;
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RpcError(INVALID_PARAMS, `params.${key} must be a number from ${min} to ${max}`);
  }
  return value;
}

export const rpc: Endpoint = {
  path: WS_PATHS.rpc,
  pool: 'lesson',
  origins: 'any',
  maxPayload: RPC_MAX_PAYLOAD,
  // Selecting none when jsonrpc-2.0 is not offered is the lesson: the client sees ws.protocol === ''.
  subprotocol: (offered) => (offered.has(RPC_SUBPROTOCOL) ? RPC_SUBPROTOCOL : false),
  open(conn) {
    if (conn.protocol !== RPC_SUBPROTOCOL) {
      return conn.close(CloseCode.PolicyViolation, `offer the subprotocol ${RPC_SUBPROTOCOL} to use this endpoint`);
    }
    /** Timers of late answers and subscriptions, by request id (subscriptions by a symbol). */
    const pending = new Map<unknown, NodeJS.Timeout>();
    const reply = (id: Id, body: { result: unknown } | { error: { code: number; message: string } }) =>
      conn.sendJson({ jsonrpc: '2.0', id, ...body });
    const fail = (id: Id, code: number, message: string) => reply(id, { error: { code, message } });
    const later = (key: unknown, ms: number, run: () => void, repeat = false) => {
      if (pending.size >= RPC_MAX_PENDING) throw new RpcError(APPLICATION_ERROR, `at most ${RPC_MAX_PENDING} pending calls per connection`);
      const timer = (repeat ? setInterval : setTimeout)(run, ms);
      pending.set(key, timer);
    };
    const settle = (key: unknown) => {
      clearTimeout(pending.get(key));
      pending.delete(key);
    };

    function call({ method, params, id }: Request): unknown {
      switch (method) {
        case 'echo':
          return params ?? null;
        case 'add': {
          if (!Array.isArray(params) || params.length !== 2 || !params.every((n) => typeof n === 'number')) {
            throw new RpcError(INVALID_PARAMS, 'add takes params [a, b], two numbers');
          }
          return (params[0] as number) + (params[1] as number);
        }
        case 'fail':
          throw new RpcError(APPLICATION_ERROR, 'this method always fails');
        case 'sleep': {
          const ms = numberParam(params, 'ms', 0, RPC_MAX_SLEEP_MS);
          if (id === undefined) return undefined;
          if (pending.has(id)) throw new RpcError(INVALID_REQUEST, `request id ${JSON.stringify(id)} is already pending`);
          later(id, ms, () => {
            settle(id);
            reply(id, { result: { slept: ms } });
          });
          return LATE;
        }
        case 'subscribe': {
          const count = numberParam(params, 'count', 1, RPC_MAX_TICKS, 5);
          const interval = numberParam(params, 'interval', 50, 10_000, 500);
          const key = Symbol('subscription');
          let n = 0;
          later(
            key,
            interval,
            () => {
              conn.sendJson({ jsonrpc: '2.0', method: 'tick', params: { n: ++n, of: count } });
              if (n >= count) settle(key);
            },
            true,
          );
          return { subscribed: 'tick', count, interval };
        }
        case 'cancel': {
          const target = (params as { id?: unknown } | null)?.id;
          settle(target);
          return undefined;
        }
        default:
          throw new RpcError(METHOD_NOT_FOUND, `no method ${JSON.stringify(method.slice(0, 40))}; try add, echo, sleep, fail, subscribe`);
      }
    }

    conn.onClose(() => pending.forEach((_, key) => settle(key)));
    conn.onMessage((data, isBinary) => {
      if (isBinary) return conn.close(CloseCode.UnsupportedData, 'JSON-RPC messages are text');
      let message: unknown;
      try {
        message = JSON.parse(data.toString('utf8'));
      } catch {
        return fail(null, PARSE_ERROR, 'not valid JSON');
      }
      if (Array.isArray(message)) return fail(null, INVALID_REQUEST, 'batches are not supported here; send one request per message');
      if (!isRequest(message))
        return fail(null, INVALID_REQUEST, 'a request needs "jsonrpc": "2.0", a string "method" and an optional id (string or number)');
      const isNotification = !('id' in message);
      const id = message.id ?? null;
      try {
        const result = call(message);
        if (!isNotification && result !== LATE) reply(id, { result: result ?? null });
      } catch (error) {
        if (!(error instanceof RpcError)) throw error;
        if (!isNotification) fail(id, error.code, error.message);
      }
    });
  },
};
