import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import { frameHeaderSize } from '../../site/demos/kit/frame-header.ts';
import type { FrameRecord, RunRecord } from '../../site/runner/run-record.ts';
import { frame, logsAt, run, socket } from '../../test/lessons/run-builder.ts';

const ECHO_AT = 50; // ms into the run at which every echo is back

/** A socket to /echo that sent messages of these sizes and got each back by ECHO_AT. */
function echoed(sizes: readonly number[], type: FrameRecord['type'] = 'binary') {
  const frames: FrameRecord[] = sizes.flatMap((n, i) => [
    frame('out', type, n, { time: 10 + i }),
    frame('in', type, n, { time: ECHO_AT - 1 }),
  ]);
  return socket({ url: 'ws://localhost:8080/echo', frames });
}

const right = (n: number) => `${n} bytes → header ${frameHeaderSize(n, true)} bytes`;

/** A run of the starter's shape: the task's sizes echoed, then `lines` printed at `at` ms. */
const printed = (lines: string[], at = ECHO_AT, sockets = [echoed(task.SIZES)]): RunRecord =>
  run({ console: logsAt(at, ...lines), sockets });

describe('frameHeaderSize (RFC 6455 §5.2)', () => {
  it.each([
    [0, 2, 6],
    [125, 2, 6],
    [126, 4, 8],
    [65535, 4, 8],
    [65536, 10, 14],
    [10_000_000, 10, 14],
  ])('%i payload bytes: server %i, browser %i', (n, server, browser) => {
    expect(frameHeaderSize(n, false)).toBe(server);
    expect(frameHeaderSize(n, true)).toBe(browser);
  });
});

describe('features check', () => {
  it('the task sizes sit on both sides of each length-field boundary', () => {
    expect(task.SIZES).toEqual([125, 126, 65535, 65536]);
  });

  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      [
        'the solution: binary messages, a line per echo with the share of the frame',
        printed(task.SIZES.map((n) => `${right(n)} (1.00% of the frame)`)),
      ],
      ['text messages instead of binary', printed(task.SIZES.map(right), ECHO_AT, [echoed(task.SIZES, 'text')])],
      ['Chinese output, header first', printed(task.SIZES.map((n) => `帧头 ${frameHeaderSize(n, true)} 字节，消息 ${n} 字节`))],
      [
        'one socket per message',
        printed(
          task.SIZES.map(right),
          ECHO_AT,
          task.SIZES.map((n) => echoed([n])),
        ),
      ],
      [
        'extra sizes and lines besides the task sizes',
        printed(['20 bytes → header 6 bytes', ...task.SIZES.map(right), 'done'], ECHO_AT, [echoed([20, ...task.SIZES])]),
      ],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      ['the starter: 2 + 4 for every length', printed(task.SIZES.map((n) => `${n} bytes → header 6 bytes`)), /126, 65535, 65536/],
      [
        'no mask: the server-side sizes',
        printed(task.SIZES.map((n) => `${n} bytes → header ${frameHeaderSize(n, false)} bytes`)),
        /125, 126, 65535, 65536/,
      ],
      ['off by one at 125/126 (n < 125)', printed(task.SIZES.map((n) => `${n} → ${n < 125 ? 6 : n <= 0xffff ? 8 : 14}`)), /^For 125 bytes/],
      [
        'off by one at 65535/65536 (n < 65535)',
        printed(task.SIZES.map((n) => `${n} → ${n <= 125 ? 6 : n < 0xffff ? 8 : 14}`)),
        /^For 65535 bytes/,
      ],
      [
        'the right numbers typed before any echo came back (headerSize never run on the echo)',
        printed(task.SIZES.map(right), 5),
        /125, 126, 65535, 65536/,
      ],
      ['every size and header in one line', printed([`${task.SIZES.join(', ')} → 6, 8, 8, 14`]), /125, 126, 65535, 65536/],
      [
        'the old sizes 20, 1000, 100000',
        printed(['20 → 6', '1000 → 8', '100000 → 14'], ECHO_AT, [echoed([20, 1000, 100_000])]),
        /125, 126, 65535, 65536/,
      ],
      ['closed before the biggest echo came back', printed(task.SIZES.map(right), ECHO_AT, [echoed([125, 126, 65535])]), /65536/],
      [
        'messages sent to /handshake instead of /echo',
        printed(task.SIZES.map(right), ECHO_AT, [{ ...echoed(task.SIZES), url: 'ws://localhost:8080/handshake' }]),
        /echo server/,
      ],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
