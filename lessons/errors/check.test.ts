import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { run, socket } from '../../test/lessons/run-builder.ts';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const solution = read('solution.js');
const starter = read('starter.js');
const FULL_JITTER = 'const delay = Math.random() * BASE_DELAY * 2 ** (attempt - 1);';
const URL_1013 = 'ws://127.0.0.1:8080/close?code=1013&reason=busy';
const OPEN_FOR = 20; // ms from construction to the server's close

/** Sockets opened one after another, each `waits[i]` ms after the previous one closed. */
function attempts(waits: number[], code = 1013): SocketRecord[] {
  const sockets: SocketRecord[] = [];
  let createdAt = 10;
  for (let i = 0; i <= waits.length; i++) {
    sockets.push(socket({ id: i + 1, url: URL_1013, createdAt, close: { code, reason: 'busy', wasClean: true, time: OPEN_FOR } }));
    createdAt += OPEN_FOR + (waits[i] ?? 0);
  }
  return sockets;
}
const runOf = (code: string, waits: number[], status: RunRecord['status'] = 'finished', closeCode = 1013): RunRecord =>
  run({ code, status, sockets: attempts(waits, closeCode) });

describe('errors check', () => {
  it('states the doubling delays the exercise quotes', () => {
    expect(task.DELAYS).toEqual([200, 400, 800, 1600]);
  });

  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      ['the solution: exact doubling, timers a few ms late', runOf(solution, [203, 401, 805, 1602])],
      ['timers firing a little early (rounding)', runOf(solution, [199.6, 399.2, 799.9, 1599.5])],
      ['a timer 119 ms late on a busy machine (seen in a real run)', runOf(solution, [211, 519, 839, 1624])],
      [
        'waits between half and all of each delay (as equal jitter gives), judged without randomness in the code',
        runOf(solution, [120, 390, 450, 1210]),
      ],
      ['full jitter: a random wait up to the doubling delay', runOf(FULL_JITTER, [35, 310, 90, 1420])],
      ['full jitter with crypto.getRandomValues', runOf('crypto.getRandomValues(buf);', [150, 12, 640, 40])],
      ['linear growth that stays in the windows (200, 400, 600, 800)', runOf(solution, [201, 402, 601, 802])],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      [
        'the starter: a fixed 300 ms wait, and names the measured waits',
        runOf(starter, [301, 300, 302, 300]),
        /were 301, 300, 302, 300 ms/,
      ],
      ['a fixed 150 ms wait, no randomness', runOf(solution, [150, 151, 150, 150]), /were 150, 151, 150, 150 ms/],
      ['immediate reconnects', runOf(solution, [0, 1, 2, 1]), /were 0, 1, 2, 1 ms/],
      ['immediate reconnects with Math.random somewhere in the code', runOf(FULL_JITTER, [0, 1, 2, 1]), /were 0, 1, 2, 1 ms/],
      [
        'Math.random only in a comment: a fixed wait is still a fixed wait',
        runOf('// Math.random() would add jitter\nconst delay = 150;', [150, 150, 150, 150]),
        /were 150/,
      ],
      ['doubling from 400 ms instead of 200', runOf(solution, [400, 800, 1600, 3200]), /were 400, 800/],
      ['tripling: waits grow too fast', runOf(solution, [200, 600, 1800, 5400]), /were 200, 600/],
      [
        'reconnecting forever, no cap (stopped by the reader)',
        runOf(solution, [200, 400, 800, 1600, 3200], 'stopped'),
        /stop retrying after attempt 5/,
      ],
      ['a loop that never ends after attempt 5 (still running)', runOf(solution, [200, 400, 800, 1600], 'running'), /end by itself/],
      ['too few attempts, the run ended', runOf(solution, [200, 400]), /5 attempts in all \(3 so far\)/],
      ['too few attempts, a run in progress', runOf(solution, [200, 400], 'running'), /5 attempts in all \(3 so far\)/],
      ['reconnecting after a normal 1000 close', runOf(solution, [200, 400, 800], 'finished', 1000), /do not reconnect after it/],
      ['no socket to /close', run({ sockets: [socket({ url: 'ws://127.0.0.1:8080/echo' })] }), /\/close/],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });

    it('fails a new socket opened before the previous one closed', () => {
      const sockets = attempts([200, 400, 800, 1600]);
      sockets[2]!.createdAt = sockets[1]!.createdAt + 5;
      expect(check(run({ sockets })).hint?.en).toMatch(/only after the previous socket/);
      delete sockets[1]!.close;
      expect(check(run({ sockets })).hint?.en).toMatch(/only after the previous socket/);
    });
  });
});
