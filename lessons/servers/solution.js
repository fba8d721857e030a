// zh: 加入共享的聊天室，说一句话，等聊天室把我们自己的消息送回来：服务器会把它发给所有人，包括我们。
// en: Join the shared room, say something, and wait until the room hands our
// en: own message back: the server sends it to everyone, us included.
const room = 'lobby';
const name = `reader-${Math.floor(Math.random() * 1000)}`;
const ws = new WebSocket(`${SERVER_URL}/chat?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);

const said =
  `${name} 在 ${new Date().toLocaleTimeString('zh-CN')} 说：你好`; // @zh
  `hello from ${name} at ${new Date().toLocaleTimeString('en')}`; // @en
const heardBack = new Promise((resolve) => {
  ws.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    if (msg.type === 'history') console.log(`历史：之前有 ${msg.messages.length} 条消息`); // @zh
    if (msg.type === 'join') console.log(`${msg.name} 加入了，现在有 ${msg.count} 人`); // @zh
    if (msg.type === 'history') console.log(`history: ${msg.messages.length} earlier message(s)`); // @en
    if (msg.type === 'join') console.log(`${msg.name} joined, ${msg.count} here now`); // @en
    if (msg.type === 'message') {
      console.log(`[${msg.name}] ${msg.text}`);
      if (msg.name === name && msg.text === said) resolve(msg);
    }
  };
});

await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
ws.send(said);
const mine = await heardBack;
console.log(`聊天室把我的消息送回来了，id 为 ${mine.id}`); // @zh
console.log(`the room delivered my message back with id ${mine.id}`); // @en
ws.close(1000, 'bye');
