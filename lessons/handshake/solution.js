// RFC 6455, section 4.2.2: accept = base64(SHA-1(key + GUID)).
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const ws = new WebSocket(`${SERVER_URL}/handshake`);

ws.onmessage = async (event) => {
  const { request, accept } = JSON.parse(event.data);
  // Header names keep the case the browser sent them in, so compare without case.
  const [, key] = request.headers.find(([name]) => name.toLowerCase() === 'sec-websocket-key');
  const computed = await acceptFor(key);

  console.log('Sec-WebSocket-Key:   ', key);
  console.log('computed accept:     ', computed);
  console.log('server said accept:  ', accept);
  console.log('match:', computed === accept);
  ws.close(1000, 'verified');
};

ws.onclose = (event) => {
  console.log('closed, code =', event.code);
};
