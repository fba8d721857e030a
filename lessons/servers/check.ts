// Passes when the code sent a text message to /chat, the room broadcast that
// same text back under the name the code joined with, a line with that name
// and text was printed after the broadcast arrived, and the socket was then
// closed with 1000.
import { CloseCode } from '../../contracts/close-codes.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { consoleSince, fail, frameRunTime, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

export const task = { CLOSE_CODE: CloseCode.Normal } as const;

interface Broadcast {
  name: string;
  text: string;
  at: number;
}

/** The name a /chat URL joins with, if it names one. */
function joinedAs(socket: SocketRecord): string | null {
  try {
    return new URL(socket.url).searchParams.get('name');
  } catch {
    return null;
  }
}

/** Broadcasts of texts this socket sent, under its own name, that came back after the send. */
function ownBroadcasts(socket: SocketRecord): Broadcast[] {
  const sent = socket.frames.filter((f) => f.dir === 'out' && f.type === 'text' && f.text);
  const name = joinedAs(socket);
  return incomingText(socket).flatMap((f) => {
    const msg = parseJson(f.text) as { type?: unknown; name?: unknown; text?: unknown } | undefined;
    if (msg?.type !== 'message' || typeof msg.text !== 'string' || typeof msg.name !== 'string') return [];
    if (name !== null && msg.name !== name) return [];
    const mine = sent.some((s) => s.text === msg.text && s.time <= f.time);
    return mine ? [{ name: msg.name, text: msg.text, at: frameRunTime(socket, f) }] : [];
  });
}

function judge(run: RunRecord, socket: SocketRecord): CheckResult {
  const heard = ownBroadcasts(socket);
  if (heard.length === 0) {
    return fail(
      '等聊天室把你的消息广播回来（type 为 "message"，name 是你的名字，text 与你发送的相同）再关闭连接。',
      'Wait for the room to broadcast your message back (type "message", your name, the text you sent) before closing.',
    );
  }
  const printed = heard.filter((b) => consoleSince(run, b.at).some((line) => line.includes(b.text) && line.includes(b.name)));
  if (printed.length === 0) {
    return fail(
      '广播到达之后，把它打印出来：发送者的名字和文本都要有。',
      'Once the broadcast has arrived, print it: the sender’s name and the text.',
    );
  }
  const close = socket.close;
  if (!close || close.code !== task.CLOSE_CODE || socket.createdAt + close.time < printed[0]!.at) {
    return fail(
      `收到广播之后，用 ws.close(${task.CLOSE_CODE}) 关闭连接。`,
      `After the broadcast came back, close the socket with ws.close(${task.CLOSE_CODE}).`,
    );
  }
  return PASS;
}

export default function check(run: RunRecord): CheckResult {
  const chat = socketsTo(run, WS_PATHS.chat);
  if (chat.length === 0) return fail('连接 SERVER_URL + "/chat"。', 'Connect to SERVER_URL + "/chat".');
  const senders = chat.filter((s) => s.frames.some((f) => f.dir === 'out' && f.type === 'text'));
  if (senders.length === 0) {
    return fail('在 open 之后用 ws.send() 向聊天室发一条文本。', 'After open, send a text message to the room with ws.send().');
  }
  const results = senders.map((s) => judge(run, s));
  return results.find((r) => r.pass) ?? results[results.length - 1]!;
}
