// Typed messages between the lesson page, the sandboxed runner frame and the
// worker that runs the reader's code. Every message carries CHANNEL so each
// side ignores anything else posted to it (extensions, other frames).
//
// The reader's code runs in the worker, so the worker is untrusted: it talks to
// the frame only over a private MessagePort handed over before the code loads,
// and the page validates and bounds every event (sanitizeEvents) as if the
// code had written it.
import { LIMITS } from './limits.ts';
import type { ConsoleEntry, FrameRecord, ReadyState, RunError, RunRecord, SocketRecord } from './run-record.ts';

export const CHANNEL = 'wsp-runner/1';

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Globals the reader's code sees. FILE and PIXELS exist only when the lesson asks for them. */
export interface RunGlobals {
  ECHO_URL: string;
  SERVER_URL: string;
  FILE?: File | null;
  PIXELS?: Pixels | null;
}

/** Terminal-only messages (not part of the record); the page words them in its locale. */
export type Notice =
  | { code: 'sent'; text: string }
  | { code: 'no-open-socket' }
  | { code: 'dropped'; count: number }
  | { code: 'limit'; what: 'lines' | 'sockets' | 'frames' };

/** What happened in a run, in order. The page folds these into a RunRecord. */
export type RunEvent =
  | { kind: 'console'; entry: ConsoleEntry }
  | { kind: 'error'; error: RunError }
  | { kind: 'socket'; socket: Pick<SocketRecord, 'id' | 'url' | 'protocols' | 'createdAt' | 'binaryType'> }
  | { kind: 'state'; id: number; state: ReadyState; time: number }
  | { kind: 'event'; id: number; type: 'open' | 'message' | 'error' | 'close'; time: number }
  | { kind: 'frame'; id: number; frame: FrameRecord }
  | { kind: 'framesDropped'; id: number; count: number }
  | { kind: 'close'; id: number; close: NonNullable<SocketRecord['close']> }
  | { kind: 'buffered'; id: number; time: number; amount: number }
  | { kind: 'binaryType'; id: number; binaryType: SocketRecord['binaryType'] }
  | { kind: 'status'; status: RunRecord['status'] }
  | { kind: 'notice'; notice: Notice };

export type PageToFrame =
  | { channel: typeof CHANNEL; type: 'run'; runId: number; code: string; globals: RunGlobals }
  | { channel: typeof CHANNEL; type: 'stop'; runId: number }
  | { channel: typeof CHANNEL; type: 'send-line'; runId: number; text: string };

export type FrameToPage =
  | { channel: typeof CHANNEL; type: 'ready' }
  | { channel: typeof CHANNEL; type: 'alive' }
  | { channel: typeof CHANNEL; type: 'events'; runId: number; events: RunEvent[] };

/**
 * Posted once, with a private port as its transfer: by the page to the frame (answering 'ready') and by
 * the frame to each worker. Everything else between them goes on that port, which also skips the
 * browser process's hop between the page's and the frame's processes.
 */
export interface PortConnect {
  channel: typeof CHANNEL;
  type: 'connect';
}

export type FrameToWorker =
  | { channel: typeof CHANNEL; type: 'start'; code: string; globals: RunGlobals }
  | { channel: typeof CHANNEL; type: 'send-line'; text: string }
  | { channel: typeof CHANNEL; type: 'stop' };

export type WorkerToFrame =
  | { channel: typeof CHANNEL; type: 'events'; events: RunEvent[] }
  /** After stop: every socket is closed and reported, so the worker may be terminated. */
  | { channel: typeof CHANNEL; type: 'ended' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function onChannel(value: unknown): value is Record<string, unknown> & { type: unknown } {
  return isRecord(value) && value.channel === CHANNEL;
}

const isRunId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

function isGlobals(value: unknown): value is RunGlobals {
  return isRecord(value) && typeof value.ECHO_URL === 'string' && typeof value.SERVER_URL === 'string';
}

export function isPageToFrame(value: unknown): value is PageToFrame {
  if (!onChannel(value) || !isRunId(value.runId)) return false;
  switch (value.type) {
    case 'run':
      return typeof value.code === 'string' && isGlobals(value.globals);
    case 'stop':
      return true;
    case 'send-line':
      return typeof value.text === 'string';
    default:
      return false;
  }
}

export function isFrameToPage(value: unknown): value is FrameToPage {
  if (!onChannel(value)) return false;
  if (value.type === 'ready' || value.type === 'alive') return true;
  return value.type === 'events' && isRunId(value.runId) && Array.isArray(value.events);
}

export function isFrameToWorker(value: unknown): value is FrameToWorker {
  if (!onChannel(value)) return false;
  if (value.type === 'start') return typeof value.code === 'string' && isGlobals(value.globals);
  if (value.type === 'stop') return true;
  return value.type === 'send-line' && typeof value.text === 'string';
}

export function isWorkerToFrame(value: unknown): value is WorkerToFrame {
  return onChannel(value) && (value.type === 'ended' || (value.type === 'events' && Array.isArray(value.events)));
}

// ---- Validation of events on the page side: every field checked and every string cut. ----

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const id = (value: unknown): number | undefined => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined);
const cut = (value: unknown, max: number): string | undefined => (typeof value === 'string' ? value.slice(0, max) : undefined);
const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | undefined =>
  options.includes(value as T) ? (value as T) : undefined;

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const STATUSES = ['running', 'finished', 'stopped', 'failed'] as const;
const EVENT_TYPES = ['open', 'message', 'error', 'close'] as const;
const BINARY_TYPES = ['blob', 'arraybuffer'] as const;
const LINE = LIMITS.charsPerLine;

function sanitizeFrame(value: unknown): FrameRecord | undefined {
  if (!isRecord(value)) return undefined;
  const dir = oneOf(value.dir, ['in', 'out'] as const);
  const type = oneOf(value.type, ['text', 'binary'] as const);
  const size = num(value.size);
  const time = num(value.time);
  if (!dir || !type || size === undefined || time === undefined) return undefined;
  const frame: FrameRecord = { dir, type, size, time };
  const text = cut(value.text, LIMITS.frameTextChars);
  const hex = cut(value.hex, LIMITS.frameHexBytes * 3 + 1);
  const binaryKind = cut(value.binaryKind, 40);
  if (text !== undefined) frame.text = text;
  if (hex !== undefined) frame.hex = hex;
  if (binaryKind !== undefined) frame.binaryKind = binaryKind;
  return frame;
}

function sanitizeNotice(value: unknown): Notice | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.code) {
    case 'sent': {
      const text = cut(value.text, LINE);
      return text === undefined ? undefined : { code: 'sent', text };
    }
    case 'no-open-socket':
      return { code: 'no-open-socket' };
    case 'dropped': {
      const count = id(value.count);
      return count === undefined ? undefined : { code: 'dropped', count };
    }
    case 'limit': {
      const what = oneOf(value.what, ['lines', 'sockets', 'frames'] as const);
      return what ? { code: 'limit', what } : undefined;
    }
    default:
      return undefined;
  }
}

/** One event as the worker claims it, checked field by field; undefined when malformed. */
export function sanitizeEvent(value: unknown): RunEvent | undefined {
  if (!isRecord(value)) return undefined;
  const time = num(value.time);
  switch (value.kind) {
    case 'console': {
      const e = isRecord(value.entry) ? value.entry : {};
      const level = oneOf(e.level, LEVELS);
      const text = cut(e.text, LINE);
      const at = num(e.time);
      return level && text !== undefined && at !== undefined ? { kind: 'console', entry: { level, text, time: at } } : undefined;
    }
    case 'error': {
      const e = isRecord(value.error) ? value.error : {};
      const kind = oneOf(e.kind, ['error', 'rejection'] as const);
      const message = cut(e.message, LINE);
      const at = num(e.time);
      if (!kind || message === undefined || at === undefined) return undefined;
      const error: RunError = { kind, message, time: at };
      const line = id(e.line);
      if (line !== undefined) {
        error.line = line;
        const column = id(e.column);
        if (column !== undefined) error.column = column;
      }
      return { kind: 'error', error };
    }
    case 'socket': {
      const s = isRecord(value.socket) ? value.socket : {};
      const socketId = id(s.id);
      const url = cut(s.url, 2048);
      const createdAt = num(s.createdAt);
      const binaryType = oneOf(s.binaryType, BINARY_TYPES);
      const protocols = Array.isArray(s.protocols) ? s.protocols.slice(0, 20).map((p) => cut(p, 200) ?? '') : [];
      return socketId && url !== undefined && createdAt !== undefined && binaryType
        ? { kind: 'socket', socket: { id: socketId, url, protocols, createdAt, binaryType } }
        : undefined;
    }
    case 'state': {
      const state = [0, 1, 2, 3].includes(value.state as number) ? (value.state as ReadyState) : undefined;
      const socketId = id(value.id);
      return socketId && state !== undefined && time !== undefined ? { kind: 'state', id: socketId, state, time } : undefined;
    }
    case 'event': {
      const type = oneOf(value.type, EVENT_TYPES);
      const socketId = id(value.id);
      return socketId && type && time !== undefined ? { kind: 'event', id: socketId, type, time } : undefined;
    }
    case 'frame': {
      const socketId = id(value.id);
      const frame = sanitizeFrame(value.frame);
      return socketId && frame ? { kind: 'frame', id: socketId, frame } : undefined;
    }
    case 'framesDropped': {
      const socketId = id(value.id);
      const count = id(value.count);
      return socketId && count ? { kind: 'framesDropped', id: socketId, count } : undefined;
    }
    case 'close': {
      const socketId = id(value.id);
      const c = isRecord(value.close) ? value.close : {};
      const code = num(c.code);
      const reason = cut(c.reason, 123);
      const at = num(c.time);
      return socketId && code !== undefined && reason !== undefined && typeof c.wasClean === 'boolean' && at !== undefined
        ? { kind: 'close', id: socketId, close: { code, reason, wasClean: c.wasClean, time: at } }
        : undefined;
    }
    case 'buffered': {
      const socketId = id(value.id);
      const amount = num(value.amount);
      return socketId && amount !== undefined && time !== undefined ? { kind: 'buffered', id: socketId, time, amount } : undefined;
    }
    case 'binaryType': {
      const socketId = id(value.id);
      const binaryType = oneOf(value.binaryType, BINARY_TYPES);
      return socketId && binaryType ? { kind: 'binaryType', id: socketId, binaryType } : undefined;
    }
    case 'status': {
      const status = oneOf(value.status, STATUSES);
      return status ? { kind: 'status', status } : undefined;
    }
    case 'notice': {
      const notice = sanitizeNotice(value.notice);
      return notice ? { kind: 'notice', notice } : undefined;
    }
    default:
      return undefined;
  }
}

/** The events of one message, at most LIMITS.eventsPerBatch, malformed ones left out. */
export function sanitizeEvents(events: readonly unknown[]): RunEvent[] {
  const result: RunEvent[] = [];
  for (const event of events.slice(0, LIMITS.eventsPerBatch)) {
    const clean = sanitizeEvent(event);
    if (clean) result.push(clean);
  }
  return result;
}
