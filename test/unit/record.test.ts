import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../site/runner/protocol.ts';
import { LIMITS } from '../../site/runner/limits.ts';
import { applyRunEvent, createRunRecord } from '../../site/runner/record.ts';

const socket = (id: number): RunEvent => ({
  kind: 'socket',
  socket: { id, url: 'ws://h/echo', protocols: [], createdAt: 5, binaryType: 'blob' },
});

describe('run record accumulation', () => {
  it('folds a socket lifetime into the record', () => {
    const record = createRunRecord('code');
    const events: RunEvent[] = [
      socket(1),
      { kind: 'state', id: 1, state: 0, time: 0 },
      { kind: 'state', id: 1, state: 1, time: 10 },
      { kind: 'event', id: 1, type: 'open', time: 10 },
      { kind: 'frame', id: 1, frame: { dir: 'out', type: 'text', size: 2, time: 11, text: 'hi' } },
      { kind: 'buffered', id: 1, time: 11, amount: 2 },
      { kind: 'buffered', id: 1, time: 12, amount: 0 },
      { kind: 'binaryType', id: 1, binaryType: 'arraybuffer' },
      { kind: 'close', id: 1, close: { code: 1000, reason: 'bye', wasClean: true, time: 20 } },
      { kind: 'console', entry: { level: 'log', text: 'done', time: 25 } },
      { kind: 'status', status: 'finished' },
    ];
    expect(events.map((e) => applyRunEvent(record, e))).toEqual(events.map(() => true));
    expect(record.status).toBe('finished');
    expect(record.console).toEqual([{ level: 'log', text: 'done', time: 25 }]);
    const [s] = record.sockets;
    expect(s?.states.map((x) => x.state)).toEqual([0, 1]);
    expect(s?.events).toEqual([{ type: 'open', time: 10 }]);
    expect(s?.frames).toHaveLength(1);
    expect(s?.buffered).toEqual([
      { time: 11, amount: 2 },
      { time: 12, amount: 0 },
    ]);
    expect(s?.binaryType).toBe('arraybuffer');
    expect(s?.close?.code).toBe(1000);
  });

  it('ignores events for unknown sockets, duplicates and notices', () => {
    const record = createRunRecord('');
    expect(applyRunEvent(record, { kind: 'state', id: 9, state: 1, time: 0 })).toBe(false);
    expect(applyRunEvent(record, socket(1))).toBe(true);
    expect(applyRunEvent(record, socket(1))).toBe(false);
    expect(applyRunEvent(record, { kind: 'notice', notice: { code: 'no-open-socket' } })).toBe(false);
    expect(record.sockets).toHaveLength(1);
  });

  it('keeps a stopped run stopped and drops what arrives after Stop', () => {
    const record = createRunRecord('');
    applyRunEvent(record, { kind: 'status', status: 'stopped' });
    expect(applyRunEvent(record, { kind: 'status', status: 'finished' })).toBe(false);
    expect(applyRunEvent(record, { kind: 'console', entry: { level: 'log', text: 'late', time: 1 } })).toBe(false);
    expect(record.status).toBe('stopped');
    expect(record.console).toEqual([]);
  });

  it('bounds the frames kept per socket', () => {
    const record = createRunRecord('');
    applyRunEvent(record, socket(1));
    for (let i = 0; i < LIMITS.framesPerSocket + 10; i++) {
      applyRunEvent(record, { kind: 'frame', id: 1, frame: { dir: 'out', type: 'text', size: 1, time: i, text: 'x' } });
    }
    expect(record.sockets[0]?.frames).toHaveLength(LIMITS.framesPerSocket);
  });

  it('records sockets still open at Stop as closed the way the server saw them (1006)', () => {
    const record = createRunRecord('');
    applyRunEvent(record, socket(1));
    applyRunEvent(record, socket(2));
    applyRunEvent(record, { kind: 'close', id: 2, close: { code: 1000, reason: '', wasClean: true, time: 4 } });
    applyRunEvent(record, { kind: 'status', status: 'stopped' }, 105);
    expect(record.sockets[0]?.close).toEqual({ code: 1006, reason: '', wasClean: false, time: 100 });
    expect(record.sockets[0]?.states.at(-1)).toEqual({ state: 3, time: 100 });
    expect(record.sockets[1]?.close?.code).toBe(1000);
  });

  it('bounds sockets, lines and frames per run', () => {
    const record = createRunRecord('');
    for (let id = 1; id <= LIMITS.socketsPerRun + 5; id++) applyRunEvent(record, socket(id));
    expect(record.sockets).toHaveLength(LIMITS.socketsPerRun);
    for (let i = 0; i < LIMITS.linesPerRun; i++)
      applyRunEvent(record, { kind: 'error', error: { kind: 'rejection', message: 'x', time: i } });
    expect(applyRunEvent(record, { kind: 'console', entry: { level: 'log', text: 'one more', time: 0 } })).toBe(false);
    let kept = 0;
    for (let id = 1; id <= LIMITS.socketsPerRun; id++) {
      for (let i = 0; i < 60; i++) {
        if (applyRunEvent(record, { kind: 'frame', id, frame: { dir: 'in', type: 'text', size: 1, time: i, text: 'x' } })) kept++;
      }
    }
    expect(kept).toBe(LIMITS.framesPerRun);
  });
});
