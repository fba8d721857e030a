import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import check from '../../lessons/handshake/check.ts';
import type { RunRecord } from '../../site/runner/run-record.ts';
import { run, socket, text } from './run-builder.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const KEY = 'jworTQxHnoh++Wr58Oibbg==';
const ACCEPT = createHash('sha1').update(KEY + GUID).digest('base64');
const solution = readFileSync(new URL('../../lessons/handshake/solution.js', import.meta.url), 'utf8');
const starter = readFileSync(new URL('../../lessons/handshake/starter.js', import.meta.url), 'utf8');

function report(accept = ACCEPT): string {
  return JSON.stringify({
    type: 'handshake',
    request: {
      method: 'GET',
      path: '/handshake',
      httpVersion: '1.1',
      headers: [['Host', 'localhost:8080'], ['Origin', 'null'], ['Sec-WebSocket-Key', KEY]],
    },
    accept,
  });
}

/** A run whose /handshake socket was built at 10 ms and got the report 20 ms later. */
function handshakeRun(code: string, lines: Array<[string, number]>, first = report()): RunRecord {
  return run({
    code,
    console: lines.map(([line, time]) => ({ level: 'log', text: line, time })),
    sockets: [socket({ url: 'ws://localhost:8080/handshake', createdAt: 10, frames: [text('in', first, 20)] })],
  });
}

const solved: Array<[string, number]> = [
  [`computed accept:      ${ACCEPT}`, 31],
  [`server said accept:   ${ACCEPT}`, 31],
  ['match: true', 32],
];

describe('handshake check', () => {
  it('passes a run that printed the real accept and a match', () => {
    expect(check(handshakeRun(solution, solved))).toEqual({ pass: true });
  });

  it('reads the accept even when the record cut the frame to 1 KiB before the end', () => {
    const long = report().replace('"headers":[', `"headers":[["Cookie","${'x'.repeat(2000)}"],`);
    const cut = `{"type":"handshake","accept":"${ACCEPT}",${long.slice(1)}`.slice(0, 1024);
    expect(check(handshakeRun(solution, solved, cut)).pass).toBe(true);
  });

  it('fails when no socket went to /handshake', () => {
    const result = check(run({ code: solution, sockets: [socket({ url: 'ws://localhost:8080/echo' })] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/handshake/);
  });

  it('fails while the first message has not arrived (run in progress)', () => {
    const pending = run({ code: solution, status: 'running', sockets: [socket({ url: 'ws://localhost:8080/handshake' })] });
    const result = check(pending);
    expect(result.pass).toBe(false);
    expect(result.hint?.zh).toMatch(/第一条消息/);
  });

  it('fails the starter: it prints the server accept but computes nothing', () => {
    const lines: Array<[string, number]> = [['GET /handshake HTTP/1.1', 31], [`server answered Sec-WebSocket-Accept: ${ACCEPT}`, 31]];
    const result = check(handshakeRun(starter, lines));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/GUID/);
  });

  it('fails when the code has the GUID but never printed match: true', () => {
    const lines: Array<[string, number]> = [[`computed accept: ${ACCEPT}`, 31], ['match: false', 32]];
    expect(check(handshakeRun(solution, lines)).pass).toBe(false);
  });

  it('fails a hard-coded answer from another connection', () => {
    const other = createHash('sha1').update(`AAAAAAAAAAAAAAAAAAAAAA==${GUID}`).digest('base64');
    const lines: Array<[string, number]> = [[`computed accept: ${other}`, 31], ['match: true', 32]];
    expect(check(handshakeRun(solution, lines)).pass).toBe(false);
  });

  it('ignores output printed before the report arrived', () => {
    const early: Array<[string, number]> = [[`computed accept: ${ACCEPT}`, 5], ['match: true', 6]];
    expect(check(handshakeRun(solution, early)).pass).toBe(false);
  });
});
