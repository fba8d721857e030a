import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { FrameRecord } from '../../site/runner/run-record.ts';
import { logs, run, socket, text } from '../../test/lessons/run-builder.ts';

// Widened from the task's literal types: the tables also try other values.
const { TIMEOUT_MS } = task;
const SLEEP_MS: number = task.SLEEP_MS;
const SUBPROTOCOL: string = task.SUBPROTOCOL;

const URL_ = 'ws://127.0.0.1:8080/rpc';
const rpc = (body: object) => JSON.stringify({ jsonrpc: '2.0', ...body });
const out = (body: object, time: number) => text('out', rpc(body), time);
const inn = (body: object, time: number) => text('in', rpc(body), time);

/** The solution's frames: three calls at once, answers by id, a cancel for the sleep after `cancelAt` ms. */
function conversation({
  ids = [1, 2, 3] as unknown[],
  cancelAt = TIMEOUT_MS + 2,
  sleepMs = SLEEP_MS,
  sleepAnswered = false,
} = {}): FrameRecord[] {
  const [sleep, add, failing] = ids;
  const frames = [
    out({ id: sleep, method: 'sleep', params: { ms: sleepMs } }, 10),
    out({ id: add, method: 'add', params: [2, 3] }, 10.2),
    out({ id: failing, method: 'fail' }, 10.3),
    inn({ id: add, result: 5 }, 13),
    inn({ id: failing, error: { code: -32000, message: 'this method always fails' } }, 14),
  ];
  if (sleepAnswered) frames.push(inn({ id: sleep, result: { slept: sleepMs } }, 10 + sleepMs));
  if (cancelAt >= 0) frames.push(out({ method: 'cancel', params: { id: sleep } }, 10 + cancelAt));
  return frames.sort((a, b) => a.time - b.time);
}

const rpcSocket = (frames: FrameRecord[], protocols = [SUBPROTOCOL]) => socket({ url: URL_, protocols, frames });

describe('protocol check', () => {
  it.each([
    ['the solution: numeric ids, a 1000 ms timeout', [rpcSocket(conversation())]],
    ['string ids from crypto.randomUUID()', [rpcSocket(conversation({ ids: ['6f1c', '9a2e', 'c3d4'] }))]],
    ['AbortSignal.timeout firing a little early', [rpcSocket(conversation({ cancelAt: 850 }))]],
    ['a longer sleep than asked', [rpcSocket(conversation({ sleepMs: 5000, cancelAt: 1200 }))]],
    ['offering two subprotocols', [rpcSocket(conversation(), ['chat', SUBPROTOCOL])]],
    ['a first socket that failed, then the right one', [rpcSocket([], ['chat']), rpcSocket(conversation())]],
  ])('passes %s', (_approach, sockets) => {
    expect(check(run({ sockets }))).toEqual({ pass: true });
  });

  const sequential = [
    out({ id: 1, method: 'sleep', params: { ms: SLEEP_MS } }, 10),
    inn({ id: 1, result: { slept: SLEEP_MS } }, 3010),
    out({ id: 2, method: 'add', params: [2, 3] }, 3011),
    inn({ id: 2, result: 5 }, 3013),
    out({ id: 3, method: 'fail' }, 3014),
    inn({ id: 3, error: { code: -32000, message: 'x' } }, 3016),
  ];
  it.each([
    ['the starter: one call at a time, no timeout', [rpcSocket(sequential)], /at once/],
    ['no subprotocol offered', [rpcSocket(conversation(), [])], /Offer the subprotocol/],
    ['only another subprotocol offered', [rpcSocket(conversation(), ['json'])], /Offer the subprotocol/],
    ['reusing one id for every call', [rpcSocket(conversation({ ids: [1, 1, 1] }))], /its own id/],
    ['cancelling at once instead of after the timeout', [rpcSocket(conversation({ cancelAt: 5 }))], /wait for the 1000 ms timeout/],
    ['no cancel: the sleep answer arrives after 3 s', [rpcSocket(conversation({ cancelAt: -1, sleepAnswered: true }))], /cancel/],
    ['cancelling only after the answer came', [rpcSocket(conversation({ cancelAt: SLEEP_MS + 100, sleepAnswered: true }))], /cancel/],
    ['a sleep of 100 ms', [rpcSocket(conversation({ sleepMs: 100 }))], /ms": 3000/],
    [
      'plain JSON without jsonrpc: "2.0"',
      [rpcSocket([text('out', '{"id":1,"method":"add","params":[2,3]}', 1), ...conversation()])],
      /JSON-RPC 2.0 request/,
    ],
    ['no socket to /rpc', [socket({ url: 'ws://127.0.0.1:8080/echo' })], /\/rpc/],
  ])('fails %s', (_mistake, sockets, hint) => {
    const result = check(run({ sockets }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(hint);
  });

  it('fails printed answers and comments: only frames count', () => {
    expect(
      check(
        run({
          code: '// add -> 5, fail -> error, sleep -> cancelled',
          console: logs('fulfilled 5', 'rejected -32000', 'rejected sleep timed out after 1000 ms'),
        }),
      ).pass,
    ).toBe(false);
  });
});
