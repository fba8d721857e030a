// Receive binary messages as ArrayBuffer, then send the canvas pixels and
// check that every byte came back.
const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error(`could not connect to ${ECHO_URL}`));
});

const nextMessage = () =>
  new Promise((resolve) => ws.addEventListener('message', (e) => resolve(e.data), { once: true }));

// getImageData gives RGBA: 4 bytes per pixel, already in a Uint8ClampedArray.
const pixels = PIXELS.data;
let reply = nextMessage();
ws.send(pixels.buffer);
const back = await reply;
console.log(`sent ${pixels.byteLength} bytes of pixels, got back ${back.constructor.name} of ${back.byteLength} bytes`);

const same = new Uint8ClampedArray(back).every((byte, i) => byte === pixels[i]);
console.log(same ? 'every byte matches' : 'the bytes differ!');

if (FILE) {
  reply = nextMessage();
  ws.send(FILE);
  const fileBack = await reply;
  console.log(`sent ${FILE.name}: ${FILE.size} bytes, got back ${fileBack.byteLength} bytes as ${fileBack.constructor.name}`);
}

ws.close(1000, 'done');
