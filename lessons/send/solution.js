// zh: 以 ArrayBuffer 接收二进制消息，然后发送画布像素，确认每个字节都原样回来了。
// en: Receive binary messages as ArrayBuffer, then send the canvas pixels and
// en: check that every byte came back.
const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error(`无法连接 ${ECHO_URL}`)); // @zh
  ws.onerror = () => reject(new Error(`could not connect to ${ECHO_URL}`)); // @en
});

const nextMessage = () =>
  new Promise((resolve) => ws.addEventListener('message', (e) => resolve(e.data), { once: true }));

// zh: getImageData 给出 RGBA：每个像素 4 字节，已经装在一个 Uint8ClampedArray 里。
// en: getImageData gives RGBA: 4 bytes per pixel, already in a Uint8ClampedArray.
const pixels = PIXELS.data;
let reply = nextMessage();
ws.send(pixels.buffer);
const back = await reply;
console.log(`发送了 ${pixels.byteLength} 字节的像素，收回一个 ${back.constructor.name}，共 ${back.byteLength} 字节`); // @zh
console.log(`sent ${pixels.byteLength} bytes of pixels, got back ${back.constructor.name} of ${back.byteLength} bytes`); // @en

const same = new Uint8ClampedArray(back).every((byte, i) => byte === pixels[i]);
console.log(same ? '每个字节都一致' : '字节不一致！'); // @zh
console.log(same ? 'every byte matches' : 'the bytes differ!'); // @en

if (FILE) {
  reply = nextMessage();
  ws.send(FILE);
  const fileBack = await reply;
  console.log(`发送了 ${FILE.name}：${FILE.size} 字节，收回 ${fileBack.byteLength} 字节，类型是 ${fileBack.constructor.name}`); // @zh
  console.log(`sent ${FILE.name}: ${FILE.size} bytes, got back ${fileBack.byteLength} bytes as ${fileBack.constructor.name}`); // @en
}

ws.close(1000, 'done');
