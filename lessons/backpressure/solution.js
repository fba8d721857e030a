// Credit-based flow control: the server may send only as many messages as
// the page has asked for, so at most WINDOW wait in memory, in any browser.
const WINDOW = 8;
const ws = new WebSocket(`${SERVER_URL}/firehose?bytes=1048576&size=8192&credit=1`);
ws.binaryType = 'arraybuffer';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const grant = (messages) => ws.send(JSON.stringify({ type: 'credit', messages }));

const queue = [];
let peak = 0;
let finished = false;
ws.onopen = () => grant(WINDOW);
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
  if (typeof message === 'string') {
    console.log('server:', message);
    continue;
  }
  await sleep(10); // the slow work
  handled++;
  grant(1); // one handled, room for one more
}
console.log(`handled ${handled} messages; never more than ${peak} waited in memory`);
