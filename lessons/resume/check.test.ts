import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { SocketRecord } from '../../site/runner/run-record.ts';
import { logs, run, socket, text } from '../../test/lessons/run-builder.ts';

const { LAST_NUMBER, MIN_DROPS, MIN_RETRY_MS } = task;

const BASE = 'ws://127.0.0.1:8080/numbers?until=60&dropAfter=15';

interface Connection {
  since?: number;
  /** Numbers that arrived on it, in order. */
  seqs: number[];
  /** Ms after the previous close event that it was opened. */
  wait?: number;
}

/** Sockets in order; each but the last dropped with 1006, the last ended with 1000 when it reached LAST_NUMBER. */
function connections(list: Connection[]): SocketRecord[] {
  let createdAt = 10;
  return list.map((c, i) => {
    createdAt += i === 0 ? 0 : (c.wait ?? 150 + i * 7);
    const frames = c.seqs.map((seq, n) => text('in', JSON.stringify({ type: 'number', seq }), 20 * (n + 1)));
    const end = 20 * (c.seqs.length + 1);
    const code = c.seqs.at(-1) === LAST_NUMBER ? 1000 : 1006;
    const s = socket({
      id: i + 1,
      url: c.since === undefined ? BASE : `${BASE}&since=${c.since}`,
      createdAt,
      frames,
      close: { code, reason: '', wasClean: code === 1000, time: end },
    });
    createdAt += end;
    return s;
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Resumes correctly through drops after 12, 20, 33, 47 and 51. */
const resumed = (waits: number[] = [120, 260, 180, 210, 140]): Connection[] =>
  [
    [1, 12],
    [13, 20],
    [21, 33],
    [34, 47],
    [48, 51],
    [52, 60],
  ].map(([a, b], i) => ({ since: i === 0 ? undefined : a! - 1, seqs: range(a!, b!), wait: waits[i - 1] }));

describe('resume check', () => {
  it.each([
    ['the solution: since, equal jitter around 200 ms', connections(resumed())],
    ['since=0 spelled out on the first connection', connections(resumed().map((c, i) => (i === 0 ? { ...c, since: 0 } : c)))],
    ['full jitter between 50 and 400 ms', connections(resumed([55, 390, 73, 301, 220]))],
    [
      'a delay that doubled once after an empty connection, then reset',
      connections([
        ...resumed().slice(0, 2),
        { since: 20, seqs: [], wait: 150 },
        ...resumed()
          .slice(2)
          .map((c, i) => ({ ...c, wait: i === 0 ? 420 : 170 + i })),
      ]),
    ],
  ])('passes %s', (_approach, sockets) => {
    expect(check(run({ sockets }))).toEqual({ pass: true });
  });

  it.each([
    [
      'the starter: every reconnect starts from 1',
      connections([{ seqs: range(1, 9) }, { seqs: range(1, 5) }, { seqs: range(1, 14) }]),
      /arrive twice/,
    ],
    ['resuming one too far (since = last + 1)', connections([{ seqs: range(1, 9) }, { since: 10, seqs: range(11, 60) }]), /lost/],
    [
      'resuming from the last number minus one, then skipping the duplicate locally',
      connections([{ seqs: range(1, 9) }, { since: 8, seqs: range(9, 60) }]),
      /arrive twice/,
    ],
    ['a fixed wait with no jitter', connections(resumed([200, 200, 200, 200, 200])), /jitter/],
    ['reconnecting at once', connections(resumed([0, 3, 1, 2, 5])), new RegExp(`at least ${MIN_RETRY_MS} ms`)],
    ['a delay that keeps doubling and is never reset', connections(resumed([200, 400, 800, 1600, 3200])), /reset/],
    ['no dropAfter: one connection, no drop', connections([{ seqs: range(1, 60) }]), new RegExp(`at least ${MIN_DROPS} dropped`)],
    ['stopping before the end', connections(resumed().slice(0, 4)), new RegExp(`up to ${LAST_NUMBER}`)],
    [
      'opening the next socket before the close event',
      connections(resumed()).map((s, i) => (i === 2 ? { ...s, createdAt: s.createdAt - 400 } : s)),
      /close event/,
    ],
  ])('fails %s', (_mistake, sockets, hint) => {
    const result = check(run({ sockets }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(hint);
  });

  it('fails printed answers and comments: only arrived numbers count', () => {
    const numbers = range(1, 60).join(' ');
    expect(
      check(run({ code: `// since=${numbers}`, console: logs(`received: ${numbers}`, 'done: every number up to 60, each once') })).pass,
    ).toBe(false);
  });
});
