// zh: RFC 6455 §5.2：先是 2 字节，再是 0、2 或 8 字节的扩展长度，最后是浏览器总会加上的掩码。
// en: RFC 6455 §5.2: 2 bytes, then 0, 2 or 8 bytes of extended length, then the mask a browser always adds.
function headerSize(n) {
  const MASK = 4;
  if (n <= 125) return 2 + MASK;
  if (n <= 0xffff) return 2 + 2 + MASK;
  return 2 + 8 + MASK;
}

const sizes = [125, 126, 65535, 65536];
const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';

ws.onopen = () => {
  for (const n of sizes) ws.send(new Uint8Array(n));
};

let echoes = 0;
ws.onmessage = (event) => {
  const n = event.data.byteLength;
  const header = headerSize(n);
  const share = ((100 * header) / (header + n)).toFixed(2);
  console.log(`${n} 字节的消息 → 帧头 ${header} 字节（占整帧的 ${share}%）`); // @zh
  console.log(`${n} bytes → header ${header} bytes (${share}% of the frame)`); // @en
  if (++echoes === sizes.length) ws.close(1000, 'done');
};
