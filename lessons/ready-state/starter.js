// readyState 是一个 0–3 的数字。练习：把它换成名字。
// readyState is a number from 0 to 3. Exercise: turn it into a name.
function stateName(ws) {
  return String(ws.readyState);
}

const ws = new WebSocket(ECHO_URL);
console.log('after new WebSocket():', stateName(ws));

ws.onopen = () => {
  console.log('in onopen:', stateName(ws));
  ws.send('ping');
};

ws.onmessage = (event) => {
  console.log('echo:', event.data, '— state', stateName(ws));
  ws.close(1000, 'done');
};

ws.onclose = (event) => {
  console.log('in onclose:', stateName(ws), '— code', event.code);
};
