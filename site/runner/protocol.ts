// Typed messages between the lesson page, the sandboxed runner frame and the
// worker that runs the reader's code. Every message carries CHANNEL so each
// side ignores anything else posted to it (extensions, the reader's code).
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
  | { code: 'dropped'; count: number };

/** What happened in a run, in order. The page folds these into a RunRecord. */
export type RunEvent =
  | { kind: 'console'; entry: ConsoleEntry }
  | { kind: 'error'; error: RunError }
  | { kind: 'socket'; socket: Pick<SocketRecord, 'id' | 'url' | 'protocols' | 'createdAt' | 'binaryType'> }
  | { kind: 'state'; id: number; state: ReadyState; time: number }
  | { kind: 'event'; id: number; type: 'open' | 'message' | 'error' | 'close'; time: number }
  | { kind: 'frame'; id: number; frame: FrameRecord }
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
  | { channel: typeof CHANNEL; type: 'events'; runId: number; events: RunEvent[] };

export type FrameToWorker =
  | { channel: typeof CHANNEL; type: 'start'; code: string; globals: RunGlobals }
  | { channel: typeof CHANNEL; type: 'send-line'; text: string };

export interface WorkerToFrame {
  channel: typeof CHANNEL;
  type: 'events';
  events: RunEvent[];
}

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

const eventKinds = new Set<RunEvent['kind']>([
  'console', 'error', 'socket', 'state', 'event', 'frame', 'close', 'buffered', 'binaryType', 'status', 'notice',
]);

function isEventList(value: unknown): value is RunEvent[] {
  return Array.isArray(value) && value.every((e) => isRecord(e) && eventKinds.has(e.kind as RunEvent['kind']));
}

export function isFrameToPage(value: unknown): value is FrameToPage {
  if (!onChannel(value)) return false;
  if (value.type === 'ready') return true;
  return value.type === 'events' && isRunId(value.runId) && isEventList(value.events);
}

export function isFrameToWorker(value: unknown): value is FrameToWorker {
  if (!onChannel(value)) return false;
  if (value.type === 'start') return typeof value.code === 'string' && isGlobals(value.globals);
  return value.type === 'send-line' && typeof value.text === 'string';
}

export function isWorkerToFrame(value: unknown): value is WorkerToFrame {
  return onChannel(value) && value.type === 'events' && isEventList(value.events);
}
