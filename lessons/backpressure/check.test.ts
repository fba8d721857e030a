import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { FrameRecord } from '../../site/runner/run-record.ts';
import { frame, logs, run, socket, text } from '../../test/lessons/run-builder.ts';

const { MESSAGES, WINDOW } = task;

const URL_ = 'ws://127.0.0.1:8080/firehose?bytes=1048576&size=8192&credit=1';
const credit = (messages: number, time: number) => text('out', JSON.stringify({ type: 'credit', messages }), time);
const done = (time: number, messages = MESSAGES) => text('in', JSON.stringify({ type: 'done', messages, bytes: messages * 8192 }), time);

/** Grants `first`, then `more` after every `every` messages handled; the server sends only what was granted. */
function paced(first: number, every = 1, more = every, total = MESSAGES): FrameRecord[] {
  const frames: FrameRecord[] = [credit(first, 1)];
  let granted = first;
  let t = 2;
  for (let n = 1; n <= total && n <= granted; n++) {
    frames.push(frame('in', 'binary', 8192, { time: t++ }));
    if (n % every === 0) {
      frames.push(credit(more, t++));
      granted += more;
    }
  }
  frames.push(done(t));
  return frames;
}

describe('backpressure check', () => {
  it.each([
    ['the solution: 8 ahead, one more per message', paced(WINDOW)],
    ['a batch of 4 more after every 4 handled', paced(WINDOW, 4)],
    ['a smaller window of 2', paced(2)],
    ['one at a time', paced(1)],
  ])('passes %s', (_approach, frames) => {
    expect(check(run({ sockets: [socket({ url: URL_, frames })] }))).toEqual({ pass: true });
  });

  const classic = [...Array.from({ length: MESSAGES }, (_, i) => frame('in', 'binary', 8192, { time: i })), done(MESSAGES)];
  it.each([
    ['the starter: the classic firehose without credit', 'ws://127.0.0.1:8080/firehose?bytes=1048576&size=8192', classic, /credit=1/],
    ['granting everything up front', URL_, [credit(MESSAGES, 1), ...classic], new RegExp(`at most ${WINDOW}`)],
    ['granting 2 more per message handled', URL_, paced(WINDOW, 1, 2), new RegExp(`at most ${WINDOW}`)],
    ['stopping before the end', URL_, paced(WINDOW).slice(0, 60), /Read all 128/],
    ['credit=1 in the URL but no grants', URL_, [], /Read all 128/],
  ])('fails %s', (_mistake, url, frames, hint) => {
    const result = check(run({ sockets: [socket({ url, frames })] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(hint);
  });

  it('fails printed answers and comments: only frames count', () => {
    expect(
      check(run({ code: '// {"type":"credit","messages":8}', console: logs('handled 128 messages; never more than 8 waited in memory') }))
        .pass,
    ).toBe(false);
  });
});
