// zh: 基于额度的流量控制：服务器只能发送页面要过的那么多条消息，
// zh: 所以在任何浏览器里，内存里最多有 WINDOW 条在等。
// en: Credit-based flow control: the server may send only as many messages as
// en: the page has asked for, so at most WINDOW wait in memory, in any browser.
const WINDOW = 8;
const ws = new WebSocket(`${SERVER_URL}/firehose?bytes=1048576&size=8192&credit=1`);
ws.binaryType = 'arraybuffer';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const grant = (messages) => ws.send(JSON.stringify({ type: 'credit', messages }));

const queue = [];
let peak = 0;
let finished = false;
ws.onopen = () => grant(WINDOW);
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
  if (typeof message === 'string') {
    console.log('服务器：', message); // @zh
    console.log('server:', message); // @en
    continue;
  }
  // zh: 慢的处理工作
  // en: the slow work
  await sleep(10);
  handled++;
  // zh: 处理完一条，就再给一条的额度
  // en: one handled, room for one more
  grant(1);
}
console.log(`处理了 ${handled} 条消息；内存里等待的从没超过 ${peak} 条`); // @zh
console.log(`handled ${handled} messages; never more than ${peak} waited in memory`); // @en
