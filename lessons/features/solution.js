// RFC 6455 §5.2: 2 bytes, then 0, 2 or 8 bytes of extended length, then the mask a browser always adds.
function headerSize(n) {
  const MASK = 4;
  if (n <= 125) return 2 + MASK;
  if (n <= 0xffff) return 2 + 2 + MASK;
  return 2 + 8 + MASK;
}

const sizes = [20, 1000, 100000];
const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';

ws.onopen = () => {
  for (const n of sizes) {
    ws.send(new Uint8Array(n));
    const header = headerSize(n);
    const share = ((100 * header) / (header + n)).toFixed(2);
    console.log(`${n} bytes → header ${header} bytes (${share}% of the frame)`);
  }
};

let echoes = 0;
ws.onmessage = (event) => {
  console.log('echo came back:', event.data.byteLength, 'bytes');
  if (++echoes === sizes.length) ws.close(1000, 'done');
};
