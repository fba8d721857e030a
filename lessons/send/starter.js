// Send a text message and, if you picked one, a file to the echo server,
// then look at what comes back and in which shape.
const ws = new WebSocket(ECHO_URL);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error(`could not connect to ${ECHO_URL}`));
});
console.log('connected, binaryType =', ws.binaryType);

// The echo server answers in order, so "the next message" is the reply.
const nextMessage = () =>
  new Promise((resolve) => ws.addEventListener('message', (e) => resolve(e.data), { once: true }));

function describe(data) {
  if (typeof data === 'string') return `text: ${JSON.stringify(data)}`;
  if (data instanceof Blob) return `Blob of ${data.size} bytes`;
  return `ArrayBuffer of ${data.byteLength} bytes`;
}

let reply = nextMessage();
ws.send('hello, echo');
console.log('back:', describe(await reply));

if (FILE) {
  reply = nextMessage();
  ws.send(FILE); // a File is a Blob: it goes out as one binary message
  console.log(`sent ${FILE.name} (${FILE.size} bytes), back:`, describe(await reply));
} else {
  console.log('no file picked: choose one above the editor and run again');
}

console.log(`the canvas holds ${PIXELS.width}×${PIXELS.height} pixels = ${PIXELS.data.byteLength} bytes (not sent yet)`);
ws.close(1000, 'done');
