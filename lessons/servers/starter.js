// Join the chat room everyone on this server shares, and listen for 3 seconds.
const room = 'lobby';
const name = `reader-${Math.floor(Math.random() * 1000)}`;
const ws = new WebSocket(`${SERVER_URL}/chat?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);

ws.onopen = () => console.log(`joined "${room}" as ${name}`);
ws.onmessage = (event) => {
  const msg = JSON.parse(event.data);
  if (msg.type === 'history') console.log(`history: ${msg.messages.length} earlier message(s)`);
  if (msg.type === 'join') console.log(`${msg.name} joined, ${msg.count} here now`);
  if (msg.type === 'leave') console.log(`${msg.name} left, ${msg.count} here now`);
  if (msg.type === 'message') console.log(`[${msg.name}] ${msg.text}`);
};
ws.onclose = (event) => console.log('closed with', event.code);

await new Promise((resolve) => setTimeout(resolve, 3000));
ws.close(1000, 'bye');
