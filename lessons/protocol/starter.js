// /rpc speaks JSON-RPC 2.0 under the subprotocol "jsonrpc-2.0". This client
// waits for each answer before the next call and takes the next message as
// the answer, whatever its id; a slow call holds up everything behind it.
const ws = new WebSocket(`${SERVER_URL}/rpc`, 'jsonrpc-2.0');
await new Promise((resolve) => (ws.onopen = resolve));
console.log('subprotocol chosen by the server:', JSON.stringify(ws.protocol));

let nextId = 1;
function call(method, params) {
  ws.send(JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }));
  return new Promise((resolve) => ws.addEventListener('message', (event) => resolve(JSON.parse(event.data)), { once: true }));
}

console.log(await call('sleep', { ms: 3000 }));
console.log(await call('add', [2, 3]));
console.log(await call('fail'));
ws.close();
