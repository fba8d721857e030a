import { describe, expect, it } from 'vitest';
import check from './check.ts';
import type { FrameRecord, RunRecord } from '../../site/runner/run-record.ts';
import { logsAt, run, socket, text } from '../../test/lessons/run-builder.ts';

const CHAT = 'ws://127.0.0.1:8080/chat?room=lobby&name=reader-7';
const SAID = 'good morning, room';
const BACK_AT = 30; // ms after the socket's construction (at 0) at which the broadcast arrives

const history = text('in', JSON.stringify({ type: 'history', messages: [] }), 5);
const join = text('in', JSON.stringify({ type: 'join', name: 'reader-7', count: 2, time: '2026-01-01T00:00:00Z' }), 6);
const broadcast = (body: string, name = 'reader-7', time = BACK_AT) =>
  text('in', JSON.stringify({ type: 'message', id: 'b1c', name, text: body, time: '2026-01-01T00:00:01Z' }), time);
const closed = (code = 1000, time = 60) => ({ code, reason: 'bye', wasClean: true, time });

/** A /chat socket with these frames, closed as given (null: never), and lines printed at `at`. */
function chatRun(
  frames: FrameRecord[],
  lines: string[],
  close: ReturnType<typeof closed> | null = closed(),
  at = BACK_AT + 1,
  url = CHAT,
): RunRecord {
  return run({ sockets: [socket({ url, frames, close: close ?? undefined })], console: logsAt(at, ...lines) });
}
const sentAndBack = [history, join, text('out', SAID, 20), broadcast(SAID)];

describe('servers check', () => {
  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      ['the solution: the starter’s handler prints the broadcast', chatRun(sentAndBack, [`[reader-7] ${SAID}`])],
      [
        'Chinese text and output',
        chatRun([history, join, text('out', '你好，大家', 20), broadcast('你好，大家')], ['reader-7 说：你好，大家']),
      ],
      [
        'someone else said the same text first',
        chatRun([history, broadcast(SAID, 'ana', 10), text('out', SAID, 20), broadcast(SAID)], [`[reader-7] ${SAID}`]),
      ],
      [
        'no name in the URL: the server’s name for us counts',
        chatRun([text('out', SAID, 20), broadcast(SAID, 'guest-3')], [`guest-3: ${SAID}`], closed(), BACK_AT + 1, 'ws://h/chat?room=lobby'),
      ],
      ['closed in the message handler, right as it printed', chatRun(sentAndBack, [`[reader-7] ${SAID}`], closed(1000, BACK_AT + 1))],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      [
        'the starter: it only listens',
        chatRun([history, join, broadcast('someone else', 'ana', 40)], ['[ana] someone else']),
        /send a text message/,
      ],
      [
        'closed before the broadcast arrived',
        chatRun([history, join, text('out', SAID, 20)], [SAID], closed(1000, 25), 21),
        /broadcast your message back/,
      ],
      [
        'someone else’s message with the same text, not ours',
        chatRun([history, text('out', SAID, 20), broadcast(SAID, 'ana')], [`[ana] ${SAID}`]),
        /broadcast your message back/,
      ],
      [
        'the text printed right after send(), before the broadcast',
        chatRun(sentAndBack, [`reader-7 sent: ${SAID}`], closed(), 21),
        /print it/,
      ],
      [
        'a one-letter text "1" found in "closed with 1000"',
        chatRun([text('out', '1', 20), broadcast('1')], ['closed with 1000']),
        /print it/,
      ],
      ['the text printed without the sender’s name', chatRun(sentAndBack, [SAID]), /print it/],
      ['never closed (the run was stopped)', chatRun(sentAndBack, [`[reader-7] ${SAID}`], null), /close the socket with ws.close\(1000\)/],
      ['closed with 4000 instead of 1000', chatRun(sentAndBack, [`[reader-7] ${SAID}`], closed(4000)), /ws.close\(1000\)/],
      ['no socket to /chat', run({ sockets: [socket({ url: 'ws://127.0.0.1:8080/echo' })] }), /\/chat/],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
