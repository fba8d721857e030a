// zh: 浏览器发出一条 n 字节的消息时，帧头有几个字节？练习：让 headerSize(n) 对每个长度都正确。
// en: How many header bytes does a frame have when the browser sends an n-byte message?
// en: Exercise: make headerSize(n) right for every length.
function headerSize(n) {
  // zh: 2 字节的标志、操作码和长度，再加 4 字节掩码
  // en: 2 bytes of flags, opcode and length, plus the 4-byte mask
  return 2 + 4;
}

const sizes = [125, 126, 65535, 65536];
const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';

ws.onopen = () => {
  for (const n of sizes) ws.send(new Uint8Array(n));
};

// zh: 每条回声回来时，打印它的长度和 headerSize 算出的帧头大小。
// en: As each echo comes back, print its length and the header size headerSize gives.
let echoes = 0;
ws.onmessage = (event) => {
  const n = event.data.byteLength;
  console.log(`${n} 字节的消息 → 帧头 ${headerSize(n)} 字节`); // @zh
  console.log(`${n} bytes → header ${headerSize(n)} bytes`); // @en
  if (++echoes === sizes.length) ws.close(1000, 'done');
};
