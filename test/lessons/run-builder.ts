// Hand-made RunRecords for the lesson check tests (lessons/<slug>/check.test.ts):
// a run is built from the sockets a reader's code would have opened and what it printed.

import type { FrameRecord, ReadyState, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';

export function run(parts: Partial<RunRecord> = {}): RunRecord {
  return { code: '', console: [], errors: [], sockets: [], status: 'finished', ...parts };
}

export function socket(parts: Partial<SocketRecord> & Pick<SocketRecord, 'url'>): SocketRecord {
  return {
    id: 1,
    protocols: [],
    createdAt: 0,
    states: [],
    events: [],
    frames: [],
    buffered: [],
    binaryType: 'blob',
    ...parts,
  };
}

export function frame(dir: FrameRecord['dir'], type: FrameRecord['type'], size: number, extra: Partial<FrameRecord> = {}): FrameRecord {
  return { dir, type, size, time: 0, ...extra };
}

/** A text frame whose size is the UTF-8 length of its text. */
export function text(dir: FrameRecord['dir'], body: string, time = 0): FrameRecord {
  return { dir, type: 'text', size: new TextEncoder().encode(body).length, time, text: body };
}

export function logs(...lines: string[]): RunRecord['console'] {
  return lines.map((line, i) => ({ level: 'log' as const, text: line, time: i }));
}

/** The states of a socket that opened and then closed. */
export function openedAndClosed(openAt = 5, closedAt = 50): SocketRecord['states'] {
  const states: ReadyState[] = [0, 1, 2, 3];
  const times = [0, openAt, closedAt - 1, closedAt];
  return states.map((state, i) => ({ state, time: times[i]! }));
}

/** Console lines printed at `time` ms into the run. */
export function logsAt(time: number, ...lines: string[]): RunRecord['console'] {
  return lines.map((line) => ({ level: 'log' as const, text: line, time }));
}
