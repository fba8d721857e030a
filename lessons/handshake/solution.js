// zh: RFC 6455 第 4.2.2 节：accept = base64(SHA-1(key + GUID))。
// en: RFC 6455, section 4.2.2: accept = base64(SHA-1(key + GUID)).
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  const digest = await sha1(new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const ws = new WebSocket(`${SERVER_URL}/handshake`);

ws.onmessage = async (event) => {
  const { request, accept } = JSON.parse(event.data);
  // zh: 请求头的名字保留浏览器发送时的大小写，所以比较时不区分大小写。
  // en: Header names keep the case the browser sent them in, so compare without case.
  const [, key] = request.headers.find(([name]) => name.toLowerCase() === 'sec-websocket-key');
  const computed = await acceptFor(key);

  console.log('Sec-WebSocket-Key：  ', key); // @zh
  console.log('算出的 accept：      ', computed); // @zh
  console.log('服务器回答的 accept：', accept); // @zh
  console.log('一致：', computed === accept); // @zh
  console.log('Sec-WebSocket-Key:   ', key); // @en
  console.log('computed accept:     ', computed); // @en
  console.log('server said accept:  ', accept); // @en
  console.log('match:', computed === accept); // @en
  ws.close(1000, 'verified');
};

ws.onclose = (event) => {
  console.log('已关闭，关闭码 =', event.code); // @zh
  console.log('closed, code =', event.code); // @en
};

// zh: 一些字节的 SHA-1 摘要：20 字节的 ArrayBuffer。crypto.subtle 只在安全上下文（https 或 localhost）中存在；
// zh: 没有它时，下面这段简短的纯 JS SHA-1 给出同样的字节。SHA-1 对握手来说没问题（握手与安全无关），但别用它保护任何东西。
// en: SHA-1 of some bytes, as an ArrayBuffer of 20 bytes. crypto.subtle exists only in a secure
// en: context (https, or localhost); where it is missing, a short plain-JS SHA-1 gives the same bytes.
// en: SHA-1 is fine for the handshake, which is not about security; never use it to protect anything.
async function sha1(bytes) {
  if (globalThis.crypto?.subtle) return crypto.subtle.digest('SHA-1', bytes);
  return sha1Fallback(bytes);
}

function sha1Fallback(bytes) {
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bytes.length * 8);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const rotl = (x, n) => (x << n) | (x >>> (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      const k = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6][Math.floor(i / 20)];
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, (rotl(a, 5) + f + e + k + w[i]) | 0];
    }
    [a, b, c, d, e].forEach((v, i) => (h[i] = (h[i] + v) | 0));
  }
  const out = new DataView(new ArrayBuffer(20));
  h.forEach((v, i) => out.setUint32(i * 4, v >>> 0));
  return out.buffer;
}
