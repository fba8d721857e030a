import { describe, expect, it } from 'vitest';
import check from '../../lessons/why-websocket/check.ts';
import type { ConsoleEntry, SocketRecord } from '../../site/runner/run-record.ts';
import { run, socket, text } from './run-builder.ts';

const FIRST_SEQ = 1_763_972_400;
const reading = (seq: number) => JSON.stringify({ type: 'reading', city: 'Hangzhou', temperatureC: 18.4, humidity: 60, condition: 'sunny', seq, updatedAt: new Date(seq * 1000).toISOString() });

/** A /push socket built at 10 ms that got `n` readings, one every 1000 ms from 20 ms on. */
function pushSocket(n: number, extra: Partial<SocketRecord> = {}): SocketRecord {
  const frames = Array.from({ length: n }, (_, i) => text('in', reading(FIRST_SEQ + i), 20 + i * 1000));
  return socket({ url: 'ws://localhost:8080/push', createdAt: 10, frames, close: { code: 1000, reason: 'got five', wasClean: true, time: 20 + n * 1000 }, ...extra });
}

/** One console line per reading, printed 1 ms after it arrived. */
function printedSeqs(n: number): ConsoleEntry[] {
  return Array.from({ length: n }, (_, i) => ({ level: 'log', text: `reading ${i + 1}: seq ${FIRST_SEQ + i}, 18.4°C, sunny`, time: 31 + i * 1000 }));
}

describe('why-websocket check', () => {
  it('passes five readings received, printed, then close 1000', () => {
    expect(check(run({ console: printedSeqs(5), sockets: [pushSocket(5)] }))).toEqual({ pass: true });
  });

  it('fails the starter: one reading, then closed', () => {
    const result = check(run({ console: printedSeqs(1), sockets: [pushSocket(1)] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/5 readings/);
  });

  it('fails when the code sent something on the socket', () => {
    const chatty = pushSocket(5);
    chatty.frames.unshift(text('out', 'give me the weather', 15));
    const result = check(run({ console: printedSeqs(5), sockets: [chatty] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/no need to send/);
  });

  it('fails when a reading was not printed', () => {
    const lines = printedSeqs(5).filter((_, i) => i !== 3);
    expect(check(run({ console: lines, sockets: [pushSocket(5)] })).pass).toBe(false);
  });

  it('fails seq numbers printed before the reading arrived (made up, not received)', () => {
    const early = printedSeqs(5).map((line) => ({ ...line, time: 0 }));
    expect(check(run({ console: early, sockets: [pushSocket(5)] })).pass).toBe(false);
  });

  it('fails while the socket is still open after five readings (run in progress)', () => {
    const open = pushSocket(5, { close: undefined });
    const result = check(run({ status: 'running', console: printedSeqs(5), sockets: [open] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/close\(1000\)/);
  });

  it('fails a close with another code', () => {
    const other = pushSocket(5, { close: { code: 4000, reason: '', wasClean: true, time: 6000 } });
    expect(check(run({ console: printedSeqs(5), sockets: [other] })).pass).toBe(false);
  });

  it('fails readings from /echo instead of /push', () => {
    const echo = pushSocket(5, { url: 'ws://localhost:8080/echo' });
    expect(check(run({ console: printedSeqs(5), sockets: [echo] })).pass).toBe(false);
  });
});
