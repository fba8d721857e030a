function stateName(ws) {
  switch (ws.readyState) {
    case WebSocket.CONNECTING:
      return 'CONNECTING';
    case WebSocket.OPEN:
      return 'OPEN';
    case WebSocket.CLOSING:
      return 'CLOSING';
    case WebSocket.CLOSED:
      return 'CLOSED';
    default:
      return `unknown (${ws.readyState})`;
  }
}

const ws = new WebSocket(ECHO_URL);
console.log('new WebSocket() 之后：', stateName(ws)); // @zh
console.log('after new WebSocket():', stateName(ws)); // @en

ws.onopen = () => {
  console.log('onopen 里：', stateName(ws)); // @zh
  console.log('in onopen:', stateName(ws)); // @en
  ws.send('ping');
};

ws.onmessage = (event) => {
  console.log('回声：', event.data); // @zh
  console.log('echo:', event.data); // @en
  ws.close(1000, 'done');
  // zh: close() 只是开始关闭握手：在服务器回应之前，连接处于 CLOSING。
  // en: close() only starts the closing handshake: the socket is CLOSING until the server answers.
  console.log('刚调用 close() 之后：', stateName(ws)); // @zh
  console.log('right after close():', stateName(ws)); // @en
};

ws.onclose = (event) => {
  console.log('onclose 里：', stateName(ws), '，关闭码', event.code); // @zh
  console.log('in onclose:', stateName(ws), '— code', event.code); // @en
};
