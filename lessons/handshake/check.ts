// Passes when the code read the handshake report from /handshake, computed
// Sec-WebSocket-Accept itself (the RFC's GUID is in the code) and printed the
// value the server really answered, followed by `match: true`.
import type { LessonCheck } from '../../site/runner/run-record.ts';
import { consoleSince, fail, frameRunTime, incomingText, PASS, socketsTo } from '../check-helpers.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
// Read by pattern, not JSON.parse: the record cuts long frames to 1 KiB.
const ACCEPT = /"accept"\s*:\s*"([A-Za-z0-9+/]{27}=)"/;
const MATCH = /\bmatch\s*[:：=]?\s*true\b/i;

const check: LessonCheck = (run) => {
  const sockets = socketsTo(run, '/handshake');
  if (sockets.length === 0) {
    return fail(
      '先用 new WebSocket(`${SERVER_URL}/handshake`) 打开一个连接。',
      'First open a socket with new WebSocket(`${SERVER_URL}/handshake`).',
    );
  }
  const reports = sockets.flatMap((socket) => {
    const first = incomingText(socket)[0];
    const accept = first?.text?.match(ACCEPT)?.[1];
    return first && accept ? [{ accept, time: frameRunTime(socket, first) }] : [];
  });
  if (reports.length === 0) {
    return fail(
      '还没有收到 /handshake 的第一条消息：等 open 之后它会自动到达，里面有 request 和 accept。',
      'The first message from /handshake has not arrived yet: it comes by itself after open and holds request and accept.',
    );
  }
  if (!run.code.toUpperCase().includes(GUID)) {
    return fail(
      `自己算出 accept：把 Sec-WebSocket-Key 和 RFC 6455 的 GUID ${GUID} 拼起来，做 SHA-1，再 Base64。`,
      `Compute the accept yourself: append the RFC 6455 GUID ${GUID} to Sec-WebSocket-Key, take SHA-1, then Base64.`,
    );
  }
  const printedMatch = reports.some(({ accept, time }) => {
    const lines = consoleSince(run, time);
    return lines.some((line) => line.includes(accept)) && lines.some((line) => MATCH.test(line));
  });
  if (!printedMatch) {
    return fail(
      '打印你算出的 accept 值，再打印比较结果，例如 console.log("match:", computed === accept)，应当得到 match: true。',
      'Print the accept you computed, then the comparison, e.g. console.log("match:", computed === accept); it should say match: true.',
    );
  }
  return PASS;
};

export default check;
