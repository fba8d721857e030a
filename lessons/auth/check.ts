// Passes when the server welcomed two authenticated sockets opened by this run:
// one to /auth/ticket with a ticket fetched over HTTP first (tickets are
// one-time and expire, so it cannot be pasted in), and one to /auth/message
// whose first message was {"type":"auth","token"}. The long-lived token must
// never appear in a WebSocket URL.
import { CloseCode } from '../../contracts/close-codes.ts';
import { DEMO_ACCESS_TOKEN } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  /** The access token the exercise gives; it belongs in a header or a message, never in a URL. */
  ACCESS_TOKEN: DEMO_ACCESS_TOKEN,
} as const;
const { ACCESS_TOKEN } = task;

function welcomed(socket: SocketRecord, via: string): boolean {
  return incomingText(socket).some((f) => {
    const message = parseJson(f.text) as { type?: unknown; via?: unknown } | undefined;
    return message?.type === 'welcome' && message.via === via;
  });
}

function firstMessageIsAuth(socket: SocketRecord): boolean {
  const first = socket.frames.find((f) => f.dir === 'out');
  const message = parseJson(first?.type === 'text' ? first.text : undefined) as { type?: unknown; token?: unknown } | undefined;
  return message?.type === 'auth' && typeof message.token === 'string';
}

export default function check(run: RunRecord): CheckResult {
  const leaking = run.sockets.find((s) => s.url.includes(ACCESS_TOKEN));
  if (leaking) {
    return fail(
      `访问令牌出现在了 WebSocket 的 URL 里（${leaking.url}）：URL 会进日志和历史。URL 里只能放一次性的票据。`,
      `The access token is in a WebSocket URL (${leaking.url}): URLs end up in logs and history. Only a one-time ticket may go there.`,
    );
  }
  const byTicket = socketsTo(run, '/auth/ticket');
  if (!byTicket.some((s) => welcomed(s, 'ticket'))) {
    return fail(
      byTicket.length === 0
        ? `先 POST /auth/tickets（带 Authorization: Bearer ${ACCESS_TOKEN}）拿票据，再连接 /auth/ticket?ticket=<票据>。`
        : '服务器拒绝了 /auth/ticket 的握手：每次连接前都要重新 POST /auth/tickets 拿一张新票据（30 秒内有效，只能用一次）。',
      byTicket.length === 0
        ? `First POST /auth/tickets (with Authorization: Bearer ${ACCESS_TOKEN}) for a ticket, then connect to /auth/ticket?ticket=<ticket>.`
        : 'The server refused the /auth/ticket handshake: POST /auth/tickets for a fresh ticket before each connection (valid 30 s, usable once).',
    );
  }
  const byMessage = socketsTo(run, '/auth/message');
  if (!byMessage.some((s) => firstMessageIsAuth(s) && welcomed(s, 'message'))) {
    const closed = byMessage.find((s) => s.close?.code === CloseCode.PolicyViolation)?.close;
    return fail(
      `连接 /auth/message，第一条消息发送 {"type":"auth","token":"${ACCESS_TOKEN}"}，等到 welcome。${closed ? `（服务器以 1008 关闭：${closed.reason}）` : ''}`,
      `Connect to /auth/message, send {"type":"auth","token":"${ACCESS_TOKEN}"} as the first message and wait for the welcome.${closed ? ` (The server closed with 1008: ${closed.reason})` : ''}`,
    );
  }
  return PASS;
}
