// zh: firehose 以网络允许的最快速度发送 1 MiB，每条消息 8 KiB。
// zh: 这里处理一条消息要 10 毫秒，所以没读的消息在内存里越积越多：
// zh: 经典的 WebSocket API 没有办法让服务器慢一点。
// en: The firehose sends 1 MiB in 8 KiB messages as fast as the network allows.
// en: Handling one message takes 10 ms here, so unread messages pile up in memory:
// en: the classic WebSocket API has no way to tell the server to slow down.
const ws = new WebSocket(`${SERVER_URL}/firehose?bytes=1048576&size=8192`);
ws.binaryType = 'arraybuffer';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const queue = [];
let peak = 0;
let finished = false;
ws.onmessage = (event) => {
  queue.push(event.data);
  peak = Math.max(peak, queue.length);
};
ws.onclose = () => (finished = true);

let handled = 0;
while (!finished || queue.length > 0) {
  if (queue.length === 0) {
    await sleep(5);
    continue;
  }
  const message = queue.shift();
  if (typeof message === 'string') console.log('服务器：', message); // @zh
  if (typeof message === 'string') console.log('server:', message); // @en
  else handled++;
  // zh: 慢的处理工作
  // en: the slow work
  await sleep(10);
}
console.log(`处理了 ${handled} 条消息；内存里同时最多有 ${peak} 条在等`); // @zh
console.log(`handled ${handled} messages; up to ${peak} waited in memory at once`); // @en
