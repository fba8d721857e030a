import { describe, expect, it } from 'vitest';
import { CHANNEL, isFrameToPage, isFrameToWorker, isPageToFrame, isWorkerToFrame } from '../../site/runner/protocol.ts';

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
    const events = [{ kind: 'console', entry: { level: 'log', text: 'a', time: 1 } }, { kind: 'status', status: 'finished' }];
    expect(isFrameToPage({ channel: CHANNEL, type: 'ready' })).toBe(true);
    expect(isFrameToPage({ channel: CHANNEL, type: 'events', runId: 3, events })).toBe(true);
    expect(isFrameToPage({ channel: CHANNEL, type: 'events', runId: 3, events: [{ kind: 'bogus' }] })).toBe(false);
    expect(isFrameToPage({ channel: CHANNEL, type: 'events', events })).toBe(false);
  });

  it('validates frame ↔ worker messages', () => {
    expect(isFrameToWorker({ channel: CHANNEL, type: 'start', code: '', globals })).toBe(true);
    expect(isFrameToWorker({ channel: CHANNEL, type: 'send-line', text: 'x' })).toBe(true);
    expect(isFrameToWorker({ channel: CHANNEL, type: 'start', code: '' })).toBe(false);
    expect(isWorkerToFrame({ channel: CHANNEL, type: 'events', events: [] })).toBe(true);
    expect(isWorkerToFrame({ channel: CHANNEL, type: 'events', events: {} })).toBe(false);
  });
});
