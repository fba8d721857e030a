import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../site/runner/limits.ts';
import {
  CHANNEL,
  isFrameToPage,
  isFrameToWorker,
  isPageToFrame,
  isWorkerToFrame,
  sanitizeEvent,
  sanitizeEvents,
} from '../../site/runner/protocol.ts';

const globals = { ECHO_URL: 'ws://h/echo', SERVER_URL: 'ws://h' };

describe('runner protocol', () => {
  it('accepts well-formed page → frame messages', () => {
    expect(isPageToFrame({ channel: CHANNEL, type: 'run', runId: 1, code: 'x', globals })).toBe(true);
    expect(isPageToFrame({ channel: CHANNEL, type: 'stop', runId: 2 })).toBe(true);
    expect(isPageToFrame({ channel: CHANNEL, type: 'send-line', runId: 2, text: 'hi' })).toBe(true);
  });

  it('rejects messages from other channels or with bad fields', () => {
    expect(isPageToFrame({ type: 'run', runId: 1, code: 'x', globals })).toBe(false);
    expect(isPageToFrame({ channel: 'other', type: 'stop', runId: 1 })).toBe(false);
    expect(isPageToFrame({ channel: CHANNEL, type: 'run', runId: 0, code: 'x', globals })).toBe(false);
    expect(isPageToFrame({ channel: CHANNEL, type: 'run', runId: 1, code: 1, globals })).toBe(false);
    expect(isPageToFrame({ channel: CHANNEL, type: 'run', runId: 1, code: 'x', globals: {} })).toBe(false);
    expect(isPageToFrame({ channel: CHANNEL, type: 'send-line', runId: 1 })).toBe(false);
    expect(isPageToFrame({ channel: CHANNEL, type: 'eval', runId: 1 })).toBe(false);
    expect(isPageToFrame(null)).toBe(false);
    expect(isPageToFrame('run')).toBe(false);
  });

  it('validates frame → page event batches', () => {
    const events = [
      { kind: 'console', entry: { level: 'log', text: 'a', time: 1 } },
      { kind: 'status', status: 'finished' },
    ];
    expect(isFrameToPage({ channel: CHANNEL, type: 'ready' })).toBe(true);
    expect(isFrameToPage({ channel: CHANNEL, type: 'events', runId: 3, events })).toBe(true);
    expect(isFrameToPage({ channel: CHANNEL, type: 'alive' })).toBe(true);
    expect(isFrameToPage({ channel: CHANNEL, type: 'events', events })).toBe(false);
  });

  it('validates frame ↔ worker messages', () => {
    expect(isFrameToWorker({ channel: CHANNEL, type: 'start', code: '', globals })).toBe(true);
    expect(isFrameToWorker({ channel: CHANNEL, type: 'send-line', text: 'x' })).toBe(true);
    expect(isFrameToWorker({ channel: CHANNEL, type: 'start', code: '' })).toBe(false);
    expect(isWorkerToFrame({ channel: CHANNEL, type: 'events', events: [] })).toBe(true);
    expect(isWorkerToFrame({ channel: CHANNEL, type: 'events', events: {} })).toBe(false);
  });

  it('checks every event from the runner field by field, as the reader’s code may have written it', () => {
    expect(sanitizeEvent({ kind: 'bogus' })).toBeUndefined();
    expect(sanitizeEvent({ kind: 'console', entry: { level: 'evil', text: 'a', time: 1 } })).toBeUndefined();
    expect(sanitizeEvent({ kind: 'console', entry: { level: 'log', text: { toString: () => 'a' }, time: 1 } })).toBeUndefined();
    expect(sanitizeEvent({ kind: 'state', id: 1, state: 7, time: 0 })).toBeUndefined();
    expect(sanitizeEvent({ kind: 'state', id: -1, state: 1, time: 0 })).toBeUndefined();
    expect(sanitizeEvent({ kind: 'status', status: 'passed' })).toBeUndefined();
    const long = sanitizeEvent({ kind: 'console', entry: { level: 'log', text: 'x'.repeat(1e6), time: 1, extra: 'dropped' } });
    expect(long).toEqual({ kind: 'console', entry: { level: 'log', text: 'x'.repeat(LIMITS.charsPerLine), time: 1 } });
    const frame = sanitizeEvent({
      kind: 'frame',
      id: 2,
      frame: { dir: 'in', type: 'text', size: 5, time: 3, text: 'y'.repeat(1e5), evil: 1 },
    });
    expect(frame).toEqual({
      kind: 'frame',
      id: 2,
      frame: { dir: 'in', type: 'text', size: 5, time: 3, text: 'y'.repeat(LIMITS.frameTextChars) },
    });
  });

  it('takes at most one batch of events from one message, leaving malformed ones out', () => {
    const events = Array.from({ length: LIMITS.eventsPerBatch + 50 }, (_, i) =>
      i % 2 ? { kind: 'x' } : { kind: 'status', status: 'running' },
    );
    expect(sanitizeEvents(events)).toHaveLength(LIMITS.eventsPerBatch / 2);
  });
});
