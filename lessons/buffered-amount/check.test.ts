import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { frame, run, socket, text } from '../../test/lessons/run-builder.ts';

const KiB = 1024;
const TOTAL = task.TOTAL_MIB * 1024 * KiB;
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const solution = read('./solution.js');
const starter = read('./starter.js');
/** A real run of the solution in Chromium against the real server (hex of frames dropped). */
const realRun = (): RunRecord => ({ ...(JSON.parse(read('./check.test.run.json')) as RunRecord), code: solution });

/** Code that paces chunks by a timer and only ever prints bufferedAmount. */
const TIMER_PACED = `for (let i = 0; i < 64; i++) { ws.send(chunk); await sleep(50); }
console.log('bufferedAmount =', ws.bufferedAmount); // bufferedAmount is low anyway`;
const QUEUED_VARIABLE = `async function drain() {
  for (;;) { const queued = ws.bufferedAmount; if (queued <= 256 * 1024) return; await sleep(5); }
}`;

/**
 * A /slow socket that sent TOTAL in `chunks` equal chunks, reached `peak` bufferedAmount,
 * got a `{ type: "message" }` report for the first `reports` of them, then closed with `code` (null: never closed).
 */
function slowSocket(chunks: number, peak: number, reports = chunks, code: number | null = 1000): SocketRecord {
  const size = TOTAL / chunks;
  const frames = Array.from({ length: chunks }, (_, i) => frame('out', 'binary', size, { binaryKind: 'Uint8Array', time: i * 30 }));
  frames.push(text('in', JSON.stringify({ type: 'progress', received: TOTAL / 2, messages: chunks / 2, elapsedMs: 1000 })));
  for (let i = 1; i <= reports; i++) {
    // `received` counts wire bytes as the server's socket saw them, so it may lag: the check must not rely on it.
    frames.push(text('in', JSON.stringify({ type: 'message', size, received: i * size - 100, messages: i })));
  }
  const close = code === null ? undefined : { code, reason: 'done', wasClean: true, time: 2100 };
  return socket({
    url: 'ws://127.0.0.1:8080/slow?bps=2097152',
    frames,
    close,
    buffered: [
      { time: 1, amount: peak },
      { time: 2000, amount: 0 },
    ],
  });
}
const runOf = (code: string, ...sockets: SocketRecord[]): RunRecord => run({ code, sockets });

describe('buffered-amount check', () => {
  it('the real run of the solution sent what the task says', () => {
    const chunks = realRun().sockets[0]!.frames.filter((f) => f.dir === 'out');
    expect(chunks.length).toBe((task.TOTAL_MIB * 1024) / task.CHUNK_KIB);
    expect(Math.max(...realRun().sockets[0]!.buffered.map((b) => b.amount))).toBeLessThanOrEqual(task.PEAK_KIB * KiB);
  });

  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      ['the solution, recorded from a real run', realRun()],
      ['the queue at exactly the limit plus one chunk', runOf(solution, slowSocket(64, task.PEAK_KIB * KiB))],
      ['smaller chunks (32 KiB)', runOf(solution, slowSocket(128, 200 * KiB))],
      ['bufferedAmount read into a variable first', runOf(QUEUED_VARIABLE, slowSocket(64, 300 * KiB))],
      [
        'a second, good /slow socket after a failed first one',
        runOf(solution, slowSocket(1, TOTAL), { ...slowSocket(64, 128 * KiB), id: 2 }),
      ],
      [
        'a report cut short (not JSON) among the good ones',
        runOf(solution, {
          ...slowSocket(64, 128 * KiB),
          frames: [text('in', '{"type":"message","size":'), ...slowSocket(64, 128 * KiB).frames],
        }),
      ],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      ['the starter: 1 MiB messages sent at once', runOf(starter, slowSocket(TOTAL / (1024 * KiB), TOTAL)), /One chunk was 1048576 bytes/],
      ['128 KiB chunks', runOf(solution, slowSocket(32, 300 * KiB)), /at most 64 KiB/],
      ['chunks sent in a tight loop that queued everything', runOf(solution, slowSocket(64, TOTAL - 64 * KiB)), /queue held 4128768 bytes/],
      ['waited for the queue to drop below 512 KiB instead of 256', runOf(solution, slowSocket(64, 576 * KiB)), /at most 256 KiB/],
      [
        'chunks paced by a timer, never reading bufferedAmount',
        runOf(TIMER_PACED, slowSocket(64, 64 * KiB)),
        /does not read bufferedAmount/,
      ],
      [
        'bufferedAmount only printed, as in the starter',
        runOf(starter.replace('MESSAGE = 1024 * 1024', 'MESSAGE = 64 * 1024'), slowSocket(64, 64 * KiB)),
        /does not read bufferedAmount/,
      ],
      ['1 MiB sent instead of 4', runOf(solution, { ...slowSocket(64, 0), frames: slowSocket(64, 0).frames.slice(16) }), /Send 4 MiB/],
      ['closed before the server read everything', runOf(solution, slowSocket(64, 256 * KiB, 63)), /add up to every byte/],
      [
        'never closed (the run was stopped)',
        runOf(solution, slowSocket(64, 256 * KiB, 64, null)),
        /close the socket with ws.close\(1000\)/,
      ],
      ['sent to /echo instead of /slow', runOf(solution, { ...slowSocket(64, 0), url: 'ws://127.0.0.1:8080/echo' }), /\/slow/],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
