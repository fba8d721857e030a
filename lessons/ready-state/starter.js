// zh: readyState 是一个 0–3 的数字。练习：让 stateName 把它换成名字，并在 close() 之后也打印一次。
// en: readyState is a number from 0 to 3. Exercise: make stateName turn it into a name, and print it right after close() too.
function stateName(ws) {
  return String(ws.readyState);
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
  console.log('回声：', event.data, '，状态', stateName(ws)); // @zh
  console.log('echo:', event.data, '— state', stateName(ws)); // @en
  ws.close(1000, 'done');
};

ws.onclose = (event) => {
  console.log('onclose 里：', stateName(ws), '，关闭码', event.code); // @zh
  console.log('in onclose:', stateName(ws), '— code', event.code); // @en
};
