import { describe, expect, it } from 'vitest';
import check from '../../lessons/buffered-amount/check.ts';
import { frame, run, socket, text } from './run-builder.ts';
import type { SocketRecord } from '../../site/runner/run-record.ts';

const SLOW = 'ws://127.0.0.1:8080/slow?bps=2097152';
const KiB = 1024;
const TOTAL = 4096 * KiB;

/**
 * A /slow socket that sent `chunks` equal chunks, reached `peak` bufferedAmount,
 * and got a `{ type: "message" }` report for the first `read` of them.
 */
function slowSocket(chunks: number, peak: number, read = chunks): SocketRecord {
  const size = TOTAL / chunks;
  const frames = Array.from({ length: chunks }, (_, i) => frame('out', 'binary', size, { binaryKind: 'Uint8Array', time: i * 30 }));
  frames.push(text('in', JSON.stringify({ type: 'progress', received: TOTAL / 2, messages: chunks / 2, elapsedMs: 1000 })));
  for (let i = 1; i <= read; i++) {
    // `received` counts wire bytes as the server's socket saw them, so it may lag: the check must not rely on it.
    frames.push(text('in', JSON.stringify({ type: 'message', size, received: i * size - 100, messages: i })));
  }
  return socket({ url: SLOW, frames, buffered: [{ time: 1, amount: peak }, { time: 2000, amount: 0 }] });
}

describe('buffered-amount check', () => {
  it('passes for chunked sending with backpressure, confirmed by the server', () => {
    expect(check(run({ sockets: [slowSocket(64, 320 * KiB)] }))).toEqual({ pass: true });
  });

  it('fails for the starter: one 4 MiB message', () => {
    const result = check(run({ sockets: [slowSocket(1, TOTAL)] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/chunks/);
  });

  it('fails for chunks sent in a tight loop that queued everything', () => {
    const result = check(run({ sockets: [slowSocket(64, TOTAL - 64 * KiB)] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/wait until bufferedAmount/);
  });

  it('fails while the server has not confirmed every byte (a run in progress, or closed too early)', () => {
    for (const read of [0, 63]) {
      const result = check(run({ sockets: [slowSocket(64, 256 * KiB, read)], status: 'running' }));
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(/add up to every byte/);
    }
  });

  it('fails when too little data was sent, or to another endpoint', () => {
    const small = slowSocket(16, 0);
    small.frames = small.frames.map((f) => (f.dir === 'out' ? { ...f, size: 16 * KiB } : f));
    expect(check(run({ sockets: [small] })).hint?.en).toMatch(/at least 1 MiB/);
    const echo = { ...slowSocket(64, 0), url: 'ws://127.0.0.1:8080/echo' };
    expect(check(run({ sockets: [echo] })).hint?.en).toMatch(/\/slow/);
  });

  it('ignores text that is not JSON and passes on any one good /slow socket', () => {
    const bad = slowSocket(1, TOTAL);
    const good = slowSocket(64, 128 * KiB);
    good.frames.unshift(text('in', '{"type":"message","size":'));
    expect(check(run({ sockets: [bad, { ...good, id: 2 }] })).pass).toBe(true);
  });
});
