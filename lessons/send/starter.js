// zh: 向回声服务器发送一条文本和（如果你选了的话）一个文件，看看回来的是什么、是什么形状。
// en: Send a text message and, if you picked one, a file to the echo server,
// en: then look at what comes back and in which shape.
const ws = new WebSocket(ECHO_URL);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error(`无法连接 ${ECHO_URL}`)); // @zh
  ws.onerror = () => reject(new Error(`could not connect to ${ECHO_URL}`)); // @en
});
console.log('已连接，binaryType =', ws.binaryType); // @zh
console.log('connected, binaryType =', ws.binaryType); // @en

// zh: 回声服务器按顺序回答，所以“下一条消息”就是回复。
// en: The echo server answers in order, so "the next message" is the reply.
const nextMessage = () =>
  new Promise((resolve) => ws.addEventListener('message', (e) => resolve(e.data), { once: true }));

function describe(data) {
  if (typeof data === 'string') return `文本：${JSON.stringify(data)}`; // @zh
  if (data instanceof Blob) return `Blob，${data.size} 字节`; // @zh
  return `ArrayBuffer，${data.byteLength} 字节`; // @zh
  if (typeof data === 'string') return `text: ${JSON.stringify(data)}`; // @en
  if (data instanceof Blob) return `Blob of ${data.size} bytes`; // @en
  return `ArrayBuffer of ${data.byteLength} bytes`; // @en
}

let reply = nextMessage();
ws.send('你好，回声'); // @zh
ws.send('hello, echo'); // @en
console.log('回来的：', describe(await reply)); // @zh
console.log('back:', describe(await reply)); // @en

if (FILE) {
  reply = nextMessage();
  // zh: File 就是 Blob：它作为一条二进制消息发出
  // en: a File is a Blob: it goes out as one binary message
  ws.send(FILE);
  console.log(`已发送 ${FILE.name}（${FILE.size} 字节），回来的：`, describe(await reply)); // @zh
  console.log(`sent ${FILE.name} (${FILE.size} bytes), back:`, describe(await reply)); // @en
} else {
  console.log('没有选文件：在编辑器上方选一个，再运行一次'); // @zh
  console.log('no file picked: choose one above the editor and run again'); // @en
}

console.log(`画布有 ${PIXELS.width}×${PIXELS.height} 个像素，每个 4 字节（RGBA），还没有发送`); // @zh
console.log(`the canvas holds ${PIXELS.width}×${PIXELS.height} pixels of 4 bytes (RGBA), not sent yet`); // @en
ws.close(1000, 'done');
