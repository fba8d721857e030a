// /handshake 的第一条消息：服务器收到的 Upgrade 请求，以及它回答的 Sec-WebSocket-Accept。
// The first message from /handshake: the Upgrade request the server received and the accept it answered.
const ws = new WebSocket(`${SERVER_URL}/handshake`);

ws.onopen = () => {
  console.log('open, readyState =', ws.readyState);
};

ws.onmessage = (event) => {
  const { request, accept } = JSON.parse(event.data);
  console.log(`${request.method} ${request.path} HTTP/${request.httpVersion}`);
  for (const [name, value] of request.headers) {
    console.log(`${name}: ${value}`);
  }
  console.log('server answered Sec-WebSocket-Accept:', accept);

  // 练习 / Exercise: compute the accept from Sec-WebSocket-Key here and compare.

  ws.close(1000, 'done');
};

ws.onclose = (event) => {
  console.log('closed, code =', event.code);
};
