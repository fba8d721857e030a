// Folds the runner's events into a RunRecord, the one structure the terminal,
// the inspector and the lesson checks read.
import type { RunEvent } from './protocol.ts';
import type { RunRecord, SocketRecord } from './run-record.ts';

/** Frames kept per socket; past this only the count grows, so a send flood cannot exhaust memory. */
export const MAX_FRAMES_PER_SOCKET = 5000;

export function createRunRecord(code: string): RunRecord {
  return { code, console: [], errors: [], sockets: [], status: 'running' };
}

function socketOf(record: RunRecord, id: number): SocketRecord | undefined {
  return record.sockets.find((s) => s.id === id);
}

/** Applies one event; returns false when it changed nothing (unknown socket, run already over). */
export function applyRunEvent(record: RunRecord, event: RunEvent): boolean {
  if (event.kind === 'notice') return false;
  if (record.status === 'stopped' && event.kind !== 'status') return false;
  switch (event.kind) {
    case 'console':
      record.console.push(event.entry);
      return true;
    case 'error':
      record.errors.push(event.error);
      return true;
    case 'status':
      // A stopped run stays stopped; nothing reported after Stop is trusted.
      if (record.status === 'stopped') return false;
      record.status = event.status;
      return true;
    case 'socket':
      if (socketOf(record, event.socket.id)) return false;
      record.sockets.push({ ...event.socket, states: [], events: [], frames: [], buffered: [] });
      return true;
  }
  const socket = socketOf(record, event.id);
  if (!socket) return false;
  switch (event.kind) {
    case 'state':
      socket.states.push({ state: event.state, time: event.time });
      return true;
    case 'event':
      socket.events.push({ type: event.type, time: event.time });
      return true;
    case 'frame':
      if (socket.frames.length >= MAX_FRAMES_PER_SOCKET) return false;
      socket.frames.push(event.frame);
      return true;
    case 'close':
      socket.close = event.close;
      return true;
    case 'buffered':
      socket.buffered.push({ time: event.time, amount: event.amount });
      return true;
    case 'binaryType':
      socket.binaryType = event.binaryType;
      return true;
  }
}
