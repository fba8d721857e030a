// The firehose sends 1 MiB in 8 KiB messages as fast as the network allows.
// Handling one message takes 10 ms here, so unread messages pile up in memory:
// the classic WebSocket API has no way to tell the server to slow down.
const ws = new WebSocket(`${SERVER_URL}/firehose?bytes=1048576&size=8192`);
ws.binaryType = 'arraybuffer';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const queue = [];
let peak = 0;
let finished = false;
ws.onmessage = (event) => {
  queue.push(event.data);
  peak = Math.max(peak, queue.length);
};
ws.onclose = () => (finished = true);

let handled = 0;
while (!finished || queue.length > 0) {
  if (queue.length === 0) {
    await sleep(5);
    continue;
  }
  const message = queue.shift();
  if (typeof message === 'string') console.log('server:', message);
  else handled++;
  await sleep(10); // the slow work
}
console.log(`handled ${handled} messages; up to ${peak} waited in memory at once`);
