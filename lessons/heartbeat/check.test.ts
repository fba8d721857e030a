import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { FrameRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { logs, run, socket, text } from '../../test/lessons/run-builder.ts';

const { DEADLINE_MS, PING_EVERY_MS } = task;

const URL_ = 'ws://127.0.0.1:8080/heartbeat?silentAfter=1000&jitter=2000';

interface Life {
  /** Pings answered before the server went silent. */
  answered: number;
  /** Ms after the first unanswered ping at which the code gave up (opened the next socket). */
  gaveUpAfter?: number;
  /** Close the socket when giving up (default true). */
  closes?: boolean;
  /** Pings sent unanswered before giving up (default 2). */
  unanswered?: number;
}

/** Sockets that each pinged every PING_EVERY_MS, got `answered` replies, then were given up on. */
function lives(list: Life[]): SocketRecord[] {
  const sockets: SocketRecord[] = [];
  let createdAt = 10;
  list.forEach((life, i) => {
    const frames: FrameRecord[] = [];
    let t = PING_EVERY_MS;
    for (let n = 0; n < life.answered; n++, t += PING_EVERY_MS) frames.push(text('out', 'ping', t), text('in', 'ping', t + 3));
    const firstUnanswered = t;
    const last = i === list.length - 1 && life.gaveUpAfter === undefined;
    if (!last) for (let n = 0; n < (life.unanswered ?? 2); n++, t += PING_EVERY_MS) frames.push(text('out', 'ping', t));
    const gaveUp = firstUnanswered + (life.gaveUpAfter ?? DEADLINE_MS);
    const states: SocketRecord['states'] = [
      { state: 0, time: 0 },
      { state: 1, time: 5 },
    ];
    if (!last && life.closes !== false) states.push({ state: 2, time: gaveUp });
    sockets.push(socket({ id: i + 1, url: URL_, createdAt, frames, states }));
    createdAt += gaveUp + 1;
  });
  return sockets;
}

const detected = { answered: 3, gaveUpAfter: DEADLINE_MS };
const healthy = { answered: 3 };

describe('heartbeat check', () => {
  it.each([
    ['the solution: a deadline per ping, 1000 ms', lives([detected, detected, healthy])],
    [
      'a last-heard watchdog that fires 600 ms after the first unanswered ping',
      lives([{ answered: 2, gaveUpAfter: 600, unanswered: 1 }, { answered: 5, gaveUpAfter: 600 }, healthy]),
    ],
    ['a longer deadline of 2500 ms', lives([detected, { answered: 1, gaveUpAfter: 2500, unanswered: 5 }, healthy])],
    ['more reconnects than needed', lives([detected, detected, detected, detected, { answered: 4 }])],
  ])('passes %s', (_approach, sockets) => {
    expect(check(run({ sockets }))).toEqual({ pass: true });
  });

  it.each([
    [
      'the starter: one socket, never notices the silence',
      lives([{ answered: 3, unanswered: 10, gaveUpAfter: undefined }]).slice(0, 1),
      /at least 2 reconnects/,
    ],
    [
      'reconnecting on a timer while every ping was answered',
      lives([{ answered: 4, unanswered: 0 }, { answered: 4, unanswered: 0 }, healthy]),
      /answered every ping/,
    ],
    [
      'giving up at once after sending a ping',
      lives([{ answered: 3, gaveUpAfter: 20, unanswered: 1 }, detected, healthy]),
      /wait for the deadline/,
    ],
    [
      'noticing only after many seconds',
      lives([{ answered: 3, gaveUpAfter: 6000, unanswered: 12 }, detected, healthy]),
      /replaced \d+ ms after its last reply/,
    ],
    ['not closing the dead socket', lives([{ ...detected, closes: false }, detected, healthy]), /close\(\)/],
    ['a reconnect before any reply', lives([{ answered: 0, gaveUpAfter: 1000 }, detected, healthy]), /before any reply/],
    ['a last connection that answered too few pings', lives([detected, detected, { answered: 1 }]), /at least 3 pings/],
    ['only one reconnect', lives([detected, healthy]), /at least 2 reconnects/],
    ['sockets to /echo instead', lives([detected, detected, healthy]).map((s) => ({ ...s, url: 'ws://127.0.0.1:8080/echo' })), /heartbeat/],
  ])('fails %s', (_mistake, sockets, hint) => {
    const result = check(run({ sockets }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(hint);
  });

  it('fails printed answers and comments: only frames count', () => {
    const printed = run({
      code: '// reconnect after 1000 ms without reply\nconsole.log("reconnected 2 times")',
      console: logs(
        'connection 1: no reply for 1000 ms; reconnecting',
        'connection 2: no reply for 1000 ms; reconnecting',
        'connection 3: answered 3 pings, done',
      ),
    });
    expect(check(printed).pass).toBe(false);
  });
});
