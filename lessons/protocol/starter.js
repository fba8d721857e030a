// zh: /rpc 在子协议 "jsonrpc-2.0" 下讲 JSON-RPC 2.0。这个客户端每次调用都等到回复再发下一个，
// zh: 而且把下一条消息当作回复，不管它的 id 是什么；一个慢调用会拖住后面所有调用。
// en: /rpc speaks JSON-RPC 2.0 under the subprotocol "jsonrpc-2.0". This client
// en: waits for each answer before the next call and takes the next message as
// en: the answer, whatever its id; a slow call holds up everything behind it.
const ws = new WebSocket(`${SERVER_URL}/rpc`, 'jsonrpc-2.0');
await new Promise((resolve) => (ws.onopen = resolve));
console.log('服务器选择的子协议：', JSON.stringify(ws.protocol)); // @zh
console.log('subprotocol chosen by the server:', JSON.stringify(ws.protocol)); // @en

let nextId = 1;
function call(method, params) {
  ws.send(JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }));
  return new Promise((resolve) => ws.addEventListener('message', (event) => resolve(JSON.parse(event.data)), { once: true }));
}

console.log(await call('sleep', { ms: 3000 }));
console.log(await call('add', [2, 3]));
console.log(await call('fail'));
ws.close();
