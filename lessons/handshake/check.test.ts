import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { RunRecord } from '../../site/runner/run-record.ts';
import { run, socket, text } from '../../test/lessons/run-builder.ts';

const KEY = 'jworTQxHnoh++Wr58Oibbg==';
const ACCEPT = createHash('sha1')
  .update(KEY + task.GUID)
  .digest('base64');
const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const solution = read('solution.js');
const starter = read('starter.js');

function report(accept = ACCEPT): string {
  return JSON.stringify({
    type: 'handshake',
    request: {
      method: 'GET',
      path: '/handshake',
      httpVersion: '1.1',
      headers: [
        ['Host', 'localhost:8080'],
        ['Origin', 'null'],
        ['Sec-WebSocket-Key', KEY],
      ],
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

/** What the starter prints once the report is in. */
const starterLines: Array<[string, number]> = [[`server answered Sec-WebSocket-Accept: ${ACCEPT}`, 30]];
const solved: Array<[string, number]> = [...starterLines, [`computed accept: ${ACCEPT}`, 31], ['match: true', 32]];
/** The starter with a line added before its close. */
const starterWith = (line: string) => starter.replace("  ws.close(1000, 'done');", `${line}\n  ws.close(1000, 'done');`);

describe('handshake check', () => {
  it('the GUID is the one in RFC 6455 §4.2.2 (its example key gives its example accept)', () => {
    expect(createHash('sha1').update(`dGhlIHNhbXBsZSBub25jZQ==${task.GUID}`).digest('base64')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      ['the solution', handshakeRun(solution, solved)],
      ['Chinese output', handshakeRun(solution, [...starterLines, [`算出的 accept：${ACCEPT}`, 31], ['一致： true', 32]])],
      [
        'the GUID written in lower case, comparison printed alone',
        handshakeRun(`const guid = '${task.GUID.toLowerCase()}'.toUpperCase();`, [...solved.slice(0, 2), ['true', 32]]),
      ],
      ['the GUID in a template literal', handshakeRun('const input = `${key}' + task.GUID + '`;', solved)],
      [
        'a reconnect: only the socket that printed counts',
        {
          ...handshakeRun(solution, solved),
          sockets: [socket({ url: 'ws://localhost:8080/handshake' }), ...handshakeRun(solution, solved).sockets],
        },
      ],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      ['the starter as it is: it prints the server’s accept itself', handshakeRun(starter, starterLines), /Compute the accept yourself/],
      [
        'the starter plus a typed "match: true"',
        handshakeRun(starterWith("  console.log('match: true');"), [...starterLines, ['match: true', 31]]),
        /Compute the accept yourself/,
      ],
      [
        'the GUID only in a comment',
        handshakeRun(starterWith(`  // key + '${task.GUID}'\n  console.log('match:', true);`), [...starterLines, ['match: true', 31]]),
        /Compute the accept yourself/,
      ],
      [
        'the GUID only in a printed text',
        handshakeRun(starterWith(`  console.log('GUID ${task.GUID}', 'match:', true);`), [
          ...starterLines,
          [`GUID ${task.GUID} match: true`, 31],
        ]),
        /Compute the accept yourself/,
      ],
      [
        'GUID before the key: the comparison says false',
        handshakeRun(solution, [...starterLines, ['computed accept: x', 31], ['match: false', 32]]),
        /printed false/,
      ],
      [
        'true printed for one comparison and false for another',
        handshakeRun(solution, [...solved, ['match (case-sensitive): false', 33]]),
        /printed false/,
      ],
      ['the comparison never printed', handshakeRun(solution, solved.slice(0, 2)), /it should print true/],
      [
        '"true" printed before the report arrived',
        handshakeRun(solution, [['match: true', 5], ...solved.slice(0, 2)]),
        /it should print true/,
      ],
      [
        'no report: the socket went to /echo',
        { ...handshakeRun(solution, solved), sockets: [socket({ url: 'ws://localhost:8080/echo' })] },
        /\/handshake/,
      ],
      [
        'the report has not arrived yet',
        { ...handshakeRun(solution, []), sockets: [socket({ url: 'ws://localhost:8080/handshake' })] },
        /has not arrived/,
      ],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
