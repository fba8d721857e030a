// 浏览器发出一条 n 字节消息时，帧头有几个字节？练习：让它对所有长度都正确。
// How many header bytes does a frame have when the browser sends an n-byte message?
// Exercise: make it right for every length, and send one message from each length range.
function headerSize(n) {
  return 2 + 4; // 2 bytes of flags, opcode and length, plus the 4-byte mask
}

const sizes = [20];
const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';

ws.onopen = () => {
  for (const n of sizes) {
    ws.send(new Uint8Array(n));
    console.log(`${n} bytes → header ${headerSize(n)} bytes`);
  }
};

let echoes = 0;
ws.onmessage = (event) => {
  console.log('echo came back:', event.data.byteLength, 'bytes');
  if (++echoes === sizes.length) ws.close(1000, 'done');
};
