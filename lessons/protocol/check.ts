// Passes when the code spoke JSON-RPC 2.0 to /rpc under the "jsonrpc-2.0"
// subprotocol, sent add, fail and a 3 s sleep at once (each with its own id,
// before any answer came back), got the answers to add and fail, and gave up on
// the sleep after about 1 s, telling the server with a cancel notification.
import { RPC_SUBPROTOCOL, WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, FrameRecord, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, frameRunTime, parseJson, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  SUBPROTOCOL: RPC_SUBPROTOCOL,
  /** Sleep 3000 ms, time out after 1000 ms, three calls in flight at once. */
  SLEEP_MS: 3000,
  TIMEOUT_MS: 1000,
  CALLS_AT_ONCE: 3,
  /** Tolerance: a cancel sent sooner than this after the sleep request is not a timeout. */
  MIN_TIMEOUT_MS: 800,
} as const;
const { SUBPROTOCOL, SLEEP_MS, TIMEOUT_MS, CALLS_AT_ONCE, MIN_TIMEOUT_MS } = task;

interface Message {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

interface Timed {
  message: Message;
  time: number;
}

function messages(socket: SocketRecord, dir: FrameRecord['dir']): Timed[] {
  return socket.frames
    .filter((f) => f.dir === dir && f.type === 'text')
    .map((f) => ({ message: (parseJson(f.text) ?? {}) as Message, time: frameRunTime(socket, f) }))
    .filter(({ message }) => typeof message === 'object' && message !== null);
}

function judge(socket: SocketRecord): CheckResult {
  const sent = messages(socket, 'out');
  if (sent.some(({ message }) => message.jsonrpc !== '2.0' || typeof message.method !== 'string')) {
    return fail(
      '每条消息都要是 JSON-RPC 2.0 请求：{ "jsonrpc": "2.0", "method", "params", "id" }。',
      'Every message must be a JSON-RPC 2.0 request: { "jsonrpc": "2.0", "method", "params", "id" }.',
    );
  }
  const calls = sent.filter(({ message }) => message.id !== undefined && message.id !== null);
  const ids = calls.map(({ message }) => JSON.stringify(message.id));
  if (new Set(ids).size !== ids.length) {
    return fail('每个请求都要有自己的 id，才能把回复对上号。', 'Give every request its own id, so each answer can be matched to its call.');
  }
  const received = messages(socket, 'in');
  const answers = received.filter(({ message }) => message.id !== undefined && message.id !== null);
  const firstAnswer = answers[0]?.time ?? Infinity;
  const beforeFirst = calls.filter(({ time }) => time <= firstAnswer).length;
  const byMethod = (name: string) => calls.find(({ message }) => message.method === name);
  const [add, failing, sleep] = [byMethod('add'), byMethod('fail'), byMethod('sleep')];
  if (!add || !failing || !sleep || beforeFirst < CALLS_AT_ONCE) {
    return fail(
      `三个调用一起发出去（不要逐个 await）：add、fail 和 sleep（ms: ${SLEEP_MS}）。`,
      `Send the three calls at once (do not await each): add, fail and sleep (ms: ${SLEEP_MS}).`,
    );
  }
  const answerTo = (call: Timed) => answers.find(({ message }) => JSON.stringify(message.id) === JSON.stringify(call.message.id));
  if (!answerTo(add) || !answerTo(failing)) {
    return fail(
      '等 add 和 fail 的回复到达（fail 的回复带着 error）。',
      'Wait for the answers to add and to fail (fail’s answer carries an error).',
    );
  }
  const ms = (sleep.message.params as { ms?: unknown } | undefined)?.ms;
  if (typeof ms !== 'number' || ms < SLEEP_MS) {
    return fail(`sleep 的参数是 { "ms": ${SLEEP_MS} }。`, `Call sleep with params { "ms": ${SLEEP_MS} }.`);
  }
  const cancel = sent.find(
    ({ message }) =>
      message.method === 'cancel' &&
      JSON.stringify((message.params as { id?: unknown } | undefined)?.id) === JSON.stringify(sleep.message.id),
  );
  if (!cancel || answerTo(sleep)) {
    return fail(
      `sleep 的回复要 ${SLEEP_MS} 毫秒后才来：${TIMEOUT_MS} 毫秒超时后放弃它，并发送通知 { "jsonrpc": "2.0", "method": "cancel", "params": { "id": <它的 id> } }。`,
      `sleep answers only after ${SLEEP_MS} ms: give up after a ${TIMEOUT_MS} ms timeout and send the notification { "jsonrpc": "2.0", "method": "cancel", "params": { "id": <its id> } }.`,
    );
  }
  const after = Math.round(cancel.time - sleep.time);
  if (after < MIN_TIMEOUT_MS) {
    return fail(
      `cancel 在 sleep 发出 ${after} 毫秒后就发了：先等满 ${TIMEOUT_MS} 毫秒的超时。`,
      `cancel was sent ${after} ms after the sleep call: wait for the ${TIMEOUT_MS} ms timeout first.`,
    );
  }
  return PASS;
}

export default function check(run: RunRecord): CheckResult {
  const sockets = socketsTo(run, WS_PATHS.rpc);
  if (sockets.length === 0) return fail('连接 SERVER_URL + "/rpc"。', 'Connect to SERVER_URL + "/rpc".');
  const speaking = sockets.filter((s) => s.protocols.includes(SUBPROTOCOL));
  if (speaking.length === 0) {
    return fail(
      `握手时要提出子协议：new WebSocket(url, "${SUBPROTOCOL}")。`,
      `Offer the subprotocol in the handshake: new WebSocket(url, "${SUBPROTOCOL}").`,
    );
  }
  const results = speaking.map(judge);
  return results.find((r) => r.pass) ?? results[results.length - 1]!;
}
