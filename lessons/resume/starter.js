// /numbers sends {"type":"number","seq"} for 1…60; with dropAfter=15 the
// server cuts each connection after a random 1–15 numbers. This code
// reconnects after a fixed 200 ms, from the start each time.
const BASE = `${SERVER_URL}/numbers?until=60&dropAfter=15`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seen = [];

for (let attempt = 1; attempt <= 8; attempt++) {
  const ws = new WebSocket(BASE);
  ws.onmessage = (event) => seen.push(JSON.parse(event.data).seq);
  const closed = await new Promise((resolve) => (ws.onclose = resolve));
  console.log(`connection ${attempt} closed with ${closed.code}; numbers so far: ${seen.length}`);
  if (closed.code === 1000) break;
  await sleep(200);
}
console.log('received:', seen.join(' '));
