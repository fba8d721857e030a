import { describe, expect, it } from 'vitest';
import check from './check.ts';
import type { ConsoleEntry, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { logsAt, run, socket, text } from '../../test/lessons/run-builder.ts';

const FIRST_SEQ = 1_763_972_400;
const reading = (seq: number) =>
  JSON.stringify({
    type: 'reading',
    city: 'Hangzhou',
    temperatureC: 18.4,
    humidity: 60,
    condition: 'sunny',
    seq,
    updatedAt: new Date(seq * 1000).toISOString(),
  });
/** Run time at which reading i (0-based) arrives: the socket is built at 10 ms, readings come every 1000 ms from +20. */
const arrives = (i: number) => 30 + i * 1000;

/** A /push socket built at 10 ms that got `n` readings, one every 1000 ms, then closed 1000 after the last. */
function pushSocket(n: number, extra: Partial<SocketRecord> = {}): SocketRecord {
  const frames = Array.from({ length: n }, (_, i) => text('in', reading(FIRST_SEQ + i), 20 + i * 1000));
  return socket({
    url: 'ws://localhost:8080/push',
    createdAt: 10,
    frames,
    close: { code: 1000, reason: 'got five', wasClean: true, time: 20 + n * 1000 },
    ...extra,
  });
}

/** One console line per reading, printed 1 ms after it arrived. */
function printedSeqs(n: number, line = (i: number) => `reading ${i + 1}: seq ${FIRST_SEQ + i}, 18.4°C, sunny`): ConsoleEntry[] {
  return Array.from({ length: n }, (_, i) => ({ level: 'log', text: line(i), time: arrives(i) + 1 }));
}
const runOf = (lines: ConsoleEntry[], ...sockets: SocketRecord[]): RunRecord => run({ console: lines, sockets });

describe('why-websocket check', () => {
  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      ['the solution: a line per reading, then close 1000', runOf(printedSeqs(5), pushSocket(5))],
      [
        'the starter’s own line format, "#seq"',
        runOf(
          printedSeqs(5, (i) => `reading #${FIRST_SEQ + i}: 18.4°C, sunny`),
          pushSocket(5),
        ),
      ],
      [
        'Chinese output',
        runOf(
          printedSeqs(5, (i) => `第 ${i + 1} 条读数：seq ${FIRST_SEQ + i}，18.4°C`),
          pushSocket(5),
        ),
      ],
      [
        'all five printed together once the fifth arrived',
        runOf(logsAt(arrives(4) + 1, ...printedSeqs(5).map((l) => l.text)), pushSocket(5)),
      ],
      [
        'the whole reading printed as JSON',
        runOf(
          printedSeqs(5, (i) => reading(FIRST_SEQ + i)),
          pushSocket(5),
        ),
      ],
      ['a sixth reading arrived before the close', runOf(printedSeqs(6), pushSocket(6))],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      ['the starter: one reading, then closed', runOf(printedSeqs(1), pushSocket(1)), /until 5 readings/],
      [
        'asked for the weather: sent something',
        runOf(printedSeqs(5), pushSocket(5, { frames: [text('out', 'give me the weather', 15), ...pushSocket(5).frames] })),
        /no need to send/,
      ],
      [
        'one reading not printed',
        runOf(
          printedSeqs(5).filter((_, i) => i !== 3),
          pushSocket(5),
        ),
        /seq of each/,
      ],
      [
        'seq numbers made up before the readings arrived',
        runOf(
          printedSeqs(5).map((l) => ({ ...l, time: 0 })),
          pushSocket(5),
        ),
        /seq of each/,
      ],
      [
        'a count printed instead of the seq',
        runOf(
          printedSeqs(5, (i) => `reading ${i + 1}: 18.4°C`),
          pushSocket(5),
        ),
        /seq of each/,
      ],
      [
        'the seq cut short (the last digits only)',
        runOf(
          printedSeqs(5, (i) => `seq …${String(FIRST_SEQ + i).slice(-3)}`),
          pushSocket(5),
        ),
        /seq of each/,
      ],
      [
        'still open after five readings (a run in progress)',
        { ...runOf(printedSeqs(5), pushSocket(5, { close: undefined })), status: 'running' },
        /close\(1000\)/,
      ],
      [
        'closed with 4000',
        runOf(printedSeqs(5), pushSocket(5, { close: { code: 4000, reason: '', wasClean: true, time: 6000 } })),
        /close\(1000\)/,
      ],
      ['readings from /echo instead of /push', runOf(printedSeqs(5), pushSocket(5, { url: 'ws://localhost:8080/echo' })), /\/push/],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
