import { describe, expect, it } from 'vitest';
import check from '../../lessons/ready-state/check.ts';
import type { ConsoleEntry, ReadyState, SocketRecord } from '../../site/runner/run-record.ts';
import { run, socket } from './run-builder.ts';

const at = (text: string, time: number): ConsoleEntry => ({ level: 'log', text, time });
const states = (...pairs: Array<[ReadyState, number]>): SocketRecord['states'] => pairs.map(([state, time]) => ({ state, time }));

// Built at 5 ms into the run; open at +30, close() at +31, closed at +40.
const closedByClient = socket({ url: 'ws://localhost:8080/echo', createdAt: 5, states: states([0, 0], [1, 30], [2, 31], [3, 40]) });
const solved = [
  at('after new WebSocket(): CONNECTING', 5),
  at('in onopen: OPEN', 35),
  at('echo: ping', 36),
  at('right after close(): CLOSING', 36),
  at('in onclose: CLOSED — code 1000', 45),
];

describe('ready-state check', () => {
  it('passes when each name was printed in its own state', () => {
    expect(check(run({ console: solved, sockets: [closedByClient] }))).toEqual({ pass: true });
  });

  it('fails the starter, which prints numbers', () => {
    const numbers = [at('after new WebSocket(): 0', 5), at('in onopen: 1', 35), at('echo: ping — state 1', 36), at('in onclose: 3 — code 1000', 45)];
    const result = check(run({ console: numbers, sockets: [closedByClient] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/CONNECTING/);
  });

  it('fails when the server closed the socket, so it never was CLOSING', () => {
    const closedByServer = socket({ url: 'ws://localhost:8080/close', createdAt: 5, states: states([0, 0], [1, 30], [3, 40]) });
    const result = check(run({ console: solved, sockets: [closedByServer] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/close\(\) yourself/);
  });

  it('fails four words printed at once instead of in each state', () => {
    const allAtOnce = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].map((name) => at(name, 46));
    expect(check(run({ console: allAtOnce, sockets: [closedByClient] })).pass).toBe(false);
  });

  it('does not count a line that names several states', () => {
    const table = [...solved.slice(0, 3), at('CONNECTING OPEN CLOSING CLOSED', 36), solved[4]!];
    expect(check(run({ console: table, sockets: [closedByClient] })).pass).toBe(false);
  });

  it('fails while the run is still open (no CLOSING or CLOSED yet)', () => {
    const open = socket({ url: 'ws://localhost:8080/echo', createdAt: 5, states: states([0, 0], [1, 30]) });
    const result = check(run({ status: 'running', console: solved.slice(0, 2), sockets: [open] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/all four states/);
  });

  it('fails with no socket at all', () => {
    expect(check(run({ console: solved })).pass).toBe(false);
  });
});
