// Passes when the code sent a text message to /chat and the room broadcast
// that same text back to it (the server's { type: "message" }), and the
// text appears in the console.
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

/** Texts this socket sent that the room then broadcast back to it. */
function heardBack(socket: SocketRecord): string[] {
  const sent = socket.frames.filter((f) => f.dir === 'out' && f.type === 'text' && f.text).map((f) => ({ text: f.text!, time: f.time }));
  const broadcast = incomingText(socket)
    .map((f) => ({ msg: parseJson(f.text) as { type?: unknown; text?: unknown } | undefined, time: f.time }))
    .filter(({ msg }) => msg?.type === 'message' && typeof msg.text === 'string');
  return sent.filter((s) => broadcast.some((b) => b.msg!.text === s.text && b.time >= s.time)).map((s) => s.text);
}

export default function check(run: RunRecord): CheckResult {
  const chat = socketsTo(run, '/chat');
  if (chat.length === 0) return fail('连接 SERVER_URL + "/chat"。', 'Connect to SERVER_URL + "/chat".');
  if (!chat.some((s) => s.frames.some((f) => f.dir === 'out' && f.type === 'text'))) {
    return fail('在 open 之后用 ws.send() 向聊天室发一条文本。', 'After open, send a text message to the room with ws.send().');
  }
  const echoed = chat.flatMap(heardBack);
  if (echoed.length === 0) {
    return fail(
      '等聊天室把你的消息广播回来（type 为 "message"、text 与你发送的相同）再关闭连接。',
      'Wait for the room to broadcast your message back (type "message" with the text you sent) before closing.',
    );
  }
  const printed = run.console.map((c) => c.text).join('\n');
  if (!echoed.some((text) => printed.includes(text))) {
    return fail('把聊天室广播回来的消息打印出来。', 'Print the message the room broadcast back.');
  }
  return PASS;
}
