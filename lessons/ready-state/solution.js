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
console.log('after new WebSocket():', stateName(ws));

ws.onopen = () => {
  console.log('in onopen:', stateName(ws));
  ws.send('ping');
};

ws.onmessage = (event) => {
  console.log('echo:', event.data);
  ws.close(1000, 'done');
  // close() only starts the closing handshake: the socket is CLOSING until the server answers.
  console.log('right after close():', stateName(ws));
};

ws.onclose = (event) => {
  console.log('in onclose:', stateName(ws), '— code', event.code);
};
