// zh: /numbers 发送 1…60 的 {"type":"number","seq"}；带上 dropAfter=15 时，
// zh: 服务器在随机 1–15 个编号后掐断每个连接。这段代码断线后固定等 200 毫秒，每次都从头重连。
// en: /numbers sends {"type":"number","seq"} for 1…60; with dropAfter=15 the
// en: server cuts each connection after a random 1–15 numbers. This code
// en: reconnects after a fixed 200 ms, from the start each time.
const BASE = `${SERVER_URL}/numbers?until=60&dropAfter=15`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seen = [];

for (let attempt = 1; attempt <= 8; attempt++) {
  const ws = new WebSocket(BASE);
  ws.onmessage = (event) => seen.push(JSON.parse(event.data).seq);
  const closed = await new Promise((resolve) => (ws.onclose = resolve));
  console.log(`第 ${attempt} 个连接以 ${closed.code} 关闭；目前收到 ${seen.length} 个编号`); // @zh
  console.log(`connection ${attempt} closed with ${closed.code}; numbers so far: ${seen.length}`); // @en
  if (closed.code === 1000) break;
  await sleep(200);
}
console.log('收到：', seen.join(' ')); // @zh
console.log('received:', seen.join(' ')); // @en
