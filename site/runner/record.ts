// Folds the runner's events into a RunRecord, the one structure the terminal,
// the inspector and the lesson checks read. Keeps the page's side of LIMITS
// (the worker is not trusted to) and finds sockets by id in O(1).
import { CloseCode } from '../../contracts/close-codes.ts';
import { LIMITS } from './limits.ts';
import type { RunEvent } from './protocol.ts';
import type { RunRecord, SocketRecord } from './run-record.ts';

const indexes = new WeakMap<RunRecord, Map<number, SocketRecord>>();
const lineCounts = new WeakMap<RunRecord, number>();
const frameCounts = new WeakMap<RunRecord, number>();

export function createRunRecord(code: string): RunRecord {
  const record: RunRecord = { code, console: [], errors: [], sockets: [], status: 'running' };
  indexes.set(record, new Map());
  return record;
}

function socketOf(record: RunRecord, id: number): SocketRecord | undefined {
  return indexes.get(record)?.get(id);
}

/** Takes one more of a run's lines (console lines and errors) or frames, if the run has room for it. */
function roomFor(counts: WeakMap<RunRecord, number>, record: RunRecord, max: number): boolean {
  const count = counts.get(record) ?? 0;
  if (count >= max) return false;
  counts.set(record, count + 1);
  return true;
}

/**
 * Sockets still open when the run was stopped lost their connection with their
 * worker: record them closed as the server saw them (1006, no close frame).
 */
function closeLeftOpen(record: RunRecord, time: number): void {
  for (const socket of record.sockets) {
    if (socket.close) continue;
    const since = time - socket.createdAt;
    socket.states.push({ state: 3, time: since });
    socket.close = { code: CloseCode.Abnormal, reason: '', wasClean: false, time: since };
  }
}

/** Applies one event; returns false when it changed nothing (unknown socket, over a limit, run already over). */
export function applyRunEvent(record: RunRecord, event: RunEvent, now = 0): boolean {
  if (event.kind === 'notice') return false;
  // Nothing reported after the run ended is trusted.
  if (record.status !== 'running') return false;
  switch (event.kind) {
    case 'console':
      if (!roomFor(lineCounts, record, LIMITS.linesPerRun)) return false;
      record.console.push(event.entry);
      return true;
    case 'error':
      if (!roomFor(lineCounts, record, LIMITS.linesPerRun)) return false;
      record.errors.push(event.error);
      return true;
    case 'status':
      record.status = event.status;
      if (event.status === 'stopped') closeLeftOpen(record, now);
      return true;
    case 'socket': {
      const index = indexes.get(record);
      if (!index || index.has(event.socket.id) || index.size >= LIMITS.socketsPerRun) return false;
      const socket: SocketRecord = { ...event.socket, states: [], events: [], frames: [], buffered: [] };
      index.set(socket.id, socket);
      record.sockets.push(socket);
      return true;
    }
  }
  const socket = socketOf(record, event.id);
  if (!socket || socket.close) return false;
  switch (event.kind) {
    case 'state':
      if (socket.states.length >= 8) return false;
      socket.states.push({ state: event.state, time: event.time });
      return true;
    case 'event':
      if (socket.events.length >= LIMITS.framesPerSocket + 8) return false;
      socket.events.push({ type: event.type, time: event.time });
      return true;
    case 'frame':
      if (socket.frames.length >= LIMITS.framesPerSocket || !roomFor(frameCounts, record, LIMITS.framesPerRun)) return false;
      socket.frames.push(event.frame);
      return true;
    case 'framesDropped':
      socket.framesDropped = event.count;
      return true;
    case 'close':
      socket.close = event.close;
      return true;
    case 'buffered':
      if (socket.buffered.length >= LIMITS.samplesPerSocket) return false;
      socket.buffered.push({ time: event.time, amount: event.amount });
      return true;
    case 'binaryType':
      socket.binaryType = event.binaryType;
      return true;
  }
}
