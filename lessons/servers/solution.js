// Join the shared room, say something, and wait until the room hands our
// own message back: the server sends it to everyone, us included.
const room = 'lobby';
const name = `reader-${Math.floor(Math.random() * 1000)}`;
const ws = new WebSocket(`${SERVER_URL}/chat?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);

const said = `hello from ${name} at ${new Date().toLocaleTimeString()}`;
const heardBack = new Promise((resolve) => {
  ws.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    if (msg.type === 'history') console.log(`history: ${msg.messages.length} earlier message(s)`);
    if (msg.type === 'join') console.log(`${msg.name} joined, ${msg.count} here now`);
    if (msg.type === 'message') {
      console.log(`[${msg.name}] ${msg.text}`);
      if (msg.name === name && msg.text === said) resolve(msg);
    }
  };
});

await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
ws.send(said);
const mine = await heardBack;
console.log(`the room delivered my message back with id ${mine.id}`);
ws.close(1000, 'bye');
