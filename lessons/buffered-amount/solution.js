// zh: 把 4 MiB 切成 64 KiB 的块发给 /slow，浏览器的发送队列里从不多于 256 KiB 再加一块。
// en: Send 4 MiB to /slow in 64 KiB chunks, never letting more than 256 KiB
// en: (plus the chunk just sent) wait in the browser's send queue.
const TOTAL = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;
const LIMIT = 256 * 1024;

const ws = new WebSocket(`${SERVER_URL}/slow?bps=${2 * 1024 * 1024}`);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('无法连接 /slow')); // @zh
  ws.onerror = () => reject(new Error('could not connect to /slow')); // @en
});

let read = 0;
const allRead = new Promise((resolve) => {
  ws.addEventListener('message', (event) => {
    const report = JSON.parse(event.data);
    if (report.type === 'message') read += report.size;
    if (read >= TOTAL) resolve(report);
  });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// zh: WebSocket 没有 “drain” 事件，只好轮询：开销很小，10 毫秒足够了。
// en: WebSocket has no "drain" event, so poll: cheap, and 10 ms is plenty.
async function drainTo(limit) {
  while (ws.bufferedAmount > limit) await sleep(10);
}

const chunk = new Uint8Array(CHUNK);
let peak = 0;
for (let sent = 0; sent < TOTAL; sent += CHUNK) {
  await drainTo(LIMIT);
  ws.send(chunk);
  peak = Math.max(peak, ws.bufferedAmount);
}
console.log(`排队了 ${TOTAL / CHUNK} 块；队列里最多时有 ${peak} 字节`); // @zh
console.log(`queued ${TOTAL / CHUNK} chunks; the queue never held more than ${peak} bytes`); // @en

const report = await allRead;
console.log(`服务器读完了 ${read} 字节，共 ${report.messages} 条消息`); // @zh
console.log(`the server read ${read} bytes in ${report.messages} messages`); // @en
ws.close(1000, 'done');
