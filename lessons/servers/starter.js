// zh: 加入本服务器上所有人共享的聊天室，听 3 秒。
// zh: 练习：连接打开后发一条消息，等聊天室把它广播回来。
// en: Join the chat room everyone on this server shares, and listen for 3 seconds.
// en: Exercise: once the socket is open, send a message and wait for the room to broadcast it back.
const room = 'lobby';
const name = `reader-${Math.floor(Math.random() * 1000)}`;
const ws = new WebSocket(`${SERVER_URL}/chat?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);

ws.onopen = () => console.log(`以 ${name} 的身份加入了 “${room}”`); // @zh
ws.onopen = () => console.log(`joined "${room}" as ${name}`); // @en
ws.onmessage = (event) => {
  const msg = JSON.parse(event.data);
  if (msg.type === 'history') console.log(`历史：之前有 ${msg.messages.length} 条消息`); // @zh
  if (msg.type === 'join') console.log(`${msg.name} 加入了，现在有 ${msg.count} 人`); // @zh
  if (msg.type === 'leave') console.log(`${msg.name} 离开了，现在有 ${msg.count} 人`); // @zh
  if (msg.type === 'history') console.log(`history: ${msg.messages.length} earlier message(s)`); // @en
  if (msg.type === 'join') console.log(`${msg.name} joined, ${msg.count} here now`); // @en
  if (msg.type === 'leave') console.log(`${msg.name} left, ${msg.count} here now`); // @en
  if (msg.type === 'message') console.log(`[${msg.name}] ${msg.text}`);
};
ws.onclose = (event) => console.log('已关闭，关闭码', event.code); // @zh
ws.onclose = (event) => console.log('closed with', event.code); // @en

await new Promise((resolve) => setTimeout(resolve, 3000));
ws.close(1000, 'bye');
