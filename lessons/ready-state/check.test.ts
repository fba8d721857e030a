import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import check from './check.ts';
import type { ConsoleEntry, ReadyState, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { run, socket } from '../../test/lessons/run-builder.ts';

const solution = readFileSync(new URL('./solution.js', import.meta.url), 'utf8');
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
const runOf = (code: string, lines: ConsoleEntry[], sockets = [closedByClient]): RunRecord => run({ code, console: lines, sockets });

const ARRAY_LOOKUP = `const NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
const stateName = (ws) => NAMES[ws.readyState];
const ws = new WebSocket(ECHO_URL);
console.log(\`\${stateName(ws)} (\${ws.readyState})\`);`;
const TYPED = `const ws = new WebSocket(ECHO_URL);
console.log('after new WebSocket(): CONNECTING'); // the name typed in
ws.onopen = () => console.log(\`in onopen: OPEN\`);`;

describe('ready-state check', () => {
  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      ['the solution: a switch over the WebSocket constants', runOf(solution, solved)],
      [
        'an array indexed by readyState, printed with the number',
        runOf(ARRAY_LOOKUP, [at('CONNECTING (0)', 5), at('OPEN (1)', 35), at('CLOSING (2)', 36), at('CLOSED (3)', 45)]),
      ],
      [
        'Chinese labels around the names',
        runOf(solution, [
          at('new WebSocket() 之后： CONNECTING', 5),
          at('onopen 里： OPEN', 35),
          at('刚调用 close() 之后： CLOSING', 36),
          at('onclose 里： CLOSED ，关闭码 1000', 45),
        ]),
      ],
      [
        'close() in onopen, no message sent; the printed lines a tick late',
        runOf(solution, [at('CONNECTING', 6), at('OPEN', 36), at('CLOSING', 37), at('CLOSED', 46)]),
      ],
      [
        'a comment that names a state does not count as typed',
        runOf(`${solution}\nconsole.log(stateName(ws)); // prints 'OPEN' here`, solved),
      ],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      [
        'the starter: numbers, not names',
        runOf(solution, [
          at('after new WebSocket(): 0', 5),
          at('in onopen: 1', 35),
          at('echo: ping — state 1', 36),
          at('in onclose: 3 — code 1000', 45),
        ]),
        /CONNECTING, OPEN, CLOSING, CLOSED/,
      ],
      ['the names typed into console.log at each place', runOf(TYPED, solved), /typed into console.log/],
      [
        'a stateName that always says OPEN',
        runOf(
          solution,
          solved.map((l) => at(l.text.replace(/CONNECTING|CLOSING|CLOSED/, 'OPEN'), l.time)),
        ),
        /not in at that moment: "after new WebSocket\(\): OPEN"/,
      ],
      [
        'the names shifted by one (no CONNECTING)',
        runOf(solution, [at('OPEN', 5), at('CLOSING', 35), at('CLOSED', 36), at('CLOSED', 45)]),
        /not in at that moment: "OPEN"/,
      ],
      [
        'CLOSING printed once the socket was closed (a timer after close)',
        runOf(solution, [...solved.slice(0, 3), at('later: CLOSING', 48), at('in onclose: CLOSED', 45)]),
        /not in at that moment: "later: CLOSING"/,
      ],
      ['never printed right after close()', runOf(solution, [...solved.slice(0, 3), solved[4]!]), /CLOSING right after/],
      [
        'four names printed at once at the end',
        runOf(
          solution,
          ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].map((n) => at(n, 46)),
        ),
        /not in at that moment: "CONNECTING"/,
      ],
      [
        'one line naming all four states',
        runOf(solution, [...solved.slice(0, 3), at('CONNECTING OPEN CLOSING CLOSED', 36), solved[4]!]),
        /CLOSING right after/,
      ],
      [
        'the server closed the socket, so it never was CLOSING',
        runOf(solution, solved, [socket({ url: 'ws://localhost:8080/close', createdAt: 5, states: states([0, 0], [1, 30], [3, 40]) })]),
        /close\(\) yourself/,
      ],
      [
        'still open (a run in progress)',
        {
          ...runOf(solution, solved.slice(0, 2), [
            socket({ url: 'ws://localhost:8080/echo', createdAt: 5, states: states([0, 0], [1, 30]) }),
          ]),
          status: 'running',
        },
        /all four states/,
      ],
      ['no socket at all', runOf(solution, solved, []), /new WebSocket/],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
