import { describe, expect, it } from 'vitest';
import check from '../../lessons/errors/check.ts';
import { run, socket } from './run-builder.ts';
import type { SocketRecord } from '../../site/runner/run-record.ts';

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

describe('errors check', () => {
  it('passes for doubling waits after each close', () => {
    expect(check(run({ sockets: attempts([203, 401, 805, 1602]) }))).toEqual({ pass: true });
  });

  it('passes when the growth levels off at a cap after the first waits', () => {
    expect(check(run({ sockets: attempts([200, 400, 800, 1000, 1000]) })).pass).toBe(true);
  });

  it('fails for the starter: a fixed 300 ms wait, and names the measured waits', () => {
    const result = check(run({ sockets: attempts([301, 300, 302, 300]) }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toContain('301, 300, 302');
  });

  it('fails for immediate reconnects', () => {
    expect(check(run({ sockets: attempts([0, 1, 2]) })).hint?.en).toMatch(/at least 100 ms/);
  });

  it('fails with too few attempts, including a run still in progress', () => {
    const result = check(run({ sockets: attempts([200, 400]), status: 'running' }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/at least 4 attempts/);
  });

  it('fails when a new socket is opened before the previous one closed', () => {
    const sockets = attempts([200, 400, 800]);
    sockets[2]!.createdAt = sockets[1]!.createdAt + 5;
    expect(check(run({ sockets })).hint?.en).toMatch(/only after the previous socket/);
    delete sockets[1]!.close;
    expect(check(run({ sockets })).hint?.en).toMatch(/only after the previous socket/);
  });

  it('fails when it reconnects after a normal 1000 close', () => {
    expect(check(run({ sockets: attempts([200, 400, 800], 1000) })).hint?.en).toMatch(/1000/);
  });

  it('fails without any socket to /close', () => {
    const result = check(run({ sockets: [socket({ url: 'ws://127.0.0.1:8080/echo' })] }));
    expect(result.hint?.en).toMatch(/\/close/);
  });
});
