// Send 4 MiB to /slow in 64 KiB chunks, never letting more than 256 KiB
// wait in the browser's send queue.
const TOTAL = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;
const HIGH_WATER = 256 * 1024;

const ws = new WebSocket(`${SERVER_URL}/slow?bps=${2 * 1024 * 1024}`);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('could not connect to /slow'));
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
// WebSocket has no "drain" event, so poll: cheap, and 10 ms is plenty.
async function drainBelow(limit) {
  while (ws.bufferedAmount > limit) await sleep(10);
}

const chunk = new Uint8Array(CHUNK);
let peak = 0;
for (let sent = 0; sent < TOTAL; sent += CHUNK) {
  await drainBelow(HIGH_WATER);
  ws.send(chunk);
  peak = Math.max(peak, ws.bufferedAmount);
}
console.log(`queued ${TOTAL / CHUNK} chunks; the queue never held more than ${peak} bytes`);

const report = await allRead;
console.log(`the server read ${read} bytes in ${report.messages} messages`);
ws.close(1000, 'done');
