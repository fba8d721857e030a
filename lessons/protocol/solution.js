// Calls matched to answers by id, each with a timeout; a timed-out call is
// cancelled on the server with a notification (a message without an id).
const ws = new WebSocket(`${SERVER_URL}/rpc`, 'jsonrpc-2.0');
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('could not connect to /rpc'));
});
console.log('subprotocol:', JSON.stringify(ws.protocol));

const pending = new Map();
let nextId = 1;

ws.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id === undefined) {
    console.log('notification:', message.method, message.params);
    return;
  }
  const call = pending.get(message.id);
  if (!call) return; // an answer to a call we already gave up on
  pending.delete(message.id);
  clearTimeout(call.timer);
  if (message.error) call.reject(new Error(`${message.error.code}: ${message.error.message}`));
  else call.resolve(message.result);
};

function call(method, params, timeoutMs = 5000) {
  const id = nextId++;
  ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'cancel', params: { id } }));
      reject(new Error(`${method} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    pending.set(id, { resolve, reject, timer });
  });
}

const results = await Promise.allSettled([
  call('sleep', { ms: 3000 }, 1000),
  call('add', [2, 3]),
  call('fail'),
]);
for (const r of results) console.log(r.status, r.status === 'fulfilled' ? r.value : r.reason.message);
ws.close();
