// Passes when the code read the handshake report from /handshake, put the
// RFC's GUID into real code (not a comment, not only a printed text), and
// after the report arrived printed the server's accept and a comparison that
// came out true, never false. The key is random per connection, so the only
// way to print `true` for it honestly is to compute the accept.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { WEBSOCKET_GUID } from '../../contracts/handshake.ts';
import type { LessonCheck } from '../../site/runner/run-record.ts';
import { codeOutsideConsole, consoleSince, fail, frameRunTime, incomingText, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  /** The GUID RFC 6455 §4.2.2 appends to Sec-WebSocket-Key. */
  GUID: WEBSOCKET_GUID,
} as const;

// Read by pattern, not JSON.parse: the record cuts long frames to 1 KiB.
const ACCEPT = /"accept"\s*:\s*"([A-Za-z0-9+/]{27}=)"/;
const TRUE = /(^|[^\w])true([^\w]|$)/;
const FALSE = /(^|[^\w])false([^\w]|$)/;

const check: LessonCheck = (run) => {
  const sockets = socketsTo(run, WS_PATHS.handshake);
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
  if (!codeOutsideConsole(run).toUpperCase().includes(task.GUID)) {
    return fail(
      `自己算出 accept：在代码里把 Sec-WebSocket-Key 和 RFC 6455 的 GUID ${task.GUID} 拼起来，做 SHA-1，再 Base64（写在注释里或只打印出来都不算）。`,
      `Compute the accept yourself: in your code, append the RFC 6455 GUID ${task.GUID} to Sec-WebSocket-Key, take SHA-1, then Base64 (in a comment or only printed, it does nothing).`,
    );
  }
  const verdicts = reports.map(({ accept, time }) => {
    const lines = consoleSince(run, time);
    return {
      printed: lines.some((line) => line.includes(accept)),
      matched: lines.some((line) => TRUE.test(line)),
      mismatched: lines.some((line) => FALSE.test(line)),
    };
  });
  if (verdicts.some((v) => v.mismatched)) {
    return fail(
      '比较结果是 false：算出的值和服务器的 accept 不一样。检查拼接顺序（先 key 后 GUID）、取的是 SHA-1 的原始字节再做 Base64。',
      'The comparison printed false: your value differs from the server’s accept. Check the order (key first, then the GUID) and that you Base64 the raw SHA-1 bytes.',
    );
  }
  if (!verdicts.some((v) => v.printed && v.matched)) {
    return fail(
      '打印你算出的 accept，再打印和服务器 accept 的比较结果，例如 console.log("一致：", computed === accept)，应当得到 true。',
      'Print the accept you computed, then the comparison with the server’s, e.g. console.log("match:", computed === accept); it should print true.',
    );
  }
  return PASS;
};

export default check;
