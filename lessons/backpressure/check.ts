// Passes when the code read the whole /firehose in credit mode and never let
// more than the window of messages be granted and not yet received: the page
// asked for messages at the pace it handled them, instead of letting the
// server fill its memory.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  /** 128 messages of 8 KiB, at most 8 granted ahead. */
  MESSAGES: 128,
  WINDOW: 8,
} as const;
const { MESSAGES, WINDOW } = task;

function creditMode(socket: SocketRecord): boolean {
  try {
    return new URL(socket.url).searchParams.get('credit') === '1';
  } catch {
    return false;
  }
}

/** The most messages ever granted and not yet received, from the frames in order. */
function peakOutstanding(socket: SocketRecord): number {
  let outstanding = 0;
  let peak = 0;
  for (const f of socket.frames) {
    if (f.dir === 'in' && f.type === 'binary') outstanding--;
    if (f.dir !== 'out') continue;
    const grant = parseJson(f.text) as { type?: unknown; messages?: unknown } | undefined;
    if (grant?.type === 'credit' && typeof grant.messages === 'number') outstanding += grant.messages;
    peak = Math.max(peak, outstanding);
  }
  return peak;
}

function judge(socket: SocketRecord): CheckResult {
  const peak = peakOutstanding(socket);
  if (peak > WINDOW) {
    return fail(
      `有一刻你预先授权了 ${peak} 条消息：任何时候最多 ${WINDOW} 条。处理完一条，再授权一条。`,
      `At one point ${peak} messages were granted ahead: at most ${WINDOW} at any time. Grant one more each time you have handled one.`,
    );
  }
  const done = incomingText(socket)
    .map((f) => parseJson(f.text) as { type?: unknown; messages?: unknown } | undefined)
    .find((m) => m?.type === 'done');
  const received = socket.frames.filter((f) => f.dir === 'in' && f.type === 'binary').length;
  if (!done || received < MESSAGES || (typeof done.messages === 'number' && done.messages < MESSAGES)) {
    return fail(
      `把 ${MESSAGES} 条消息全部读完，直到服务器发来 {"type":"done"}（现在收到 ${received} 条）。`,
      `Read all ${MESSAGES} messages, until the server sends {"type":"done"} (so far ${received}).`,
    );
  }
  return PASS;
}

export default function check(run: RunRecord): CheckResult {
  const sockets = socketsTo(run, WS_PATHS.firehose);
  if (sockets.length === 0) {
    return fail(
      '连接 SERVER_URL + "/firehose?bytes=1048576&size=8192&credit=1"。',
      'Connect to SERVER_URL + "/firehose?bytes=1048576&size=8192&credit=1".',
    );
  }
  const credited = sockets.filter(creditMode);
  if (credited.length === 0) {
    return fail(
      '经典 API 没法让服务器慢下来：在 URL 里加上 credit=1，用 {"type":"credit","messages":K} 控制发送速度。',
      'The classic API cannot slow the server down: add credit=1 to the URL and pace it with {"type":"credit","messages":K}.',
    );
  }
  const results = credited.map(judge);
  return results.find((r) => r.pass) ?? results[results.length - 1]!;
}
