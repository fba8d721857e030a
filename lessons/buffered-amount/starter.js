// Send 4 MiB to /slow in one go and watch bufferedAmount drain.
// /slow reads only 2 MiB per second, so the data has to wait somewhere.
const TOTAL = 4 * 1024 * 1024;
const ws = new WebSocket(`${SERVER_URL}/slow?bps=${2 * 1024 * 1024}`);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('could not connect to /slow'));
});

// The server reports each whole message it has read: { type: 'message', size, received, messages }.
// Adding up `size` tells us when every byte has been read.
let read = 0;
const allRead = new Promise((resolve) => {
  ws.addEventListener('message', (event) => {
    const report = JSON.parse(event.data);
    if (report.type === 'message') read += report.size;
    if (read >= TOTAL) resolve(report);
  });
});

ws.send(new Uint8Array(TOTAL));
console.log('right after send(): bufferedAmount =', ws.bufferedAmount);

const timer = setInterval(() => console.log('bufferedAmount =', ws.bufferedAmount), 250);
const report = await allRead;
clearInterval(timer);
console.log(`the server read ${read} bytes in ${report.messages} message(s)`);
ws.close(1000, 'done');
