// zh: 按 id 把回复对应到调用，每个调用都有超时；超时的调用用一条通知（没有 id 的消息）在服务器上取消。
// en: Calls matched to answers by id, each with a timeout; a timed-out call is
// en: cancelled on the server with a notification (a message without an id).
const ws = new WebSocket(`${SERVER_URL}/rpc`, 'jsonrpc-2.0');
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('连不上 /rpc')); // @zh
  ws.onerror = () => reject(new Error('could not connect to /rpc')); // @en
});
console.log('子协议：', JSON.stringify(ws.protocol)); // @zh
console.log('subprotocol:', JSON.stringify(ws.protocol)); // @en

const pending = new Map();
let nextId = 1;

ws.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id === undefined) {
    console.log('通知：', message.method, message.params); // @zh
    console.log('notification:', message.method, message.params); // @en
    return;
  }
  const call = pending.get(message.id);
  // zh: 这是一个已经放弃了的调用的回复
  // en: an answer to a call we already gave up on
  if (!call) return;
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
      reject(new Error(`${method} 在 ${timeoutMs} 毫秒后超时`)); // @zh
      reject(new Error(`${method} timed out after ${timeoutMs} ms`)); // @en
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
