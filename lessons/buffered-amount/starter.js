// zh: 一次性向 /slow 发送 4 MiB，看着 bufferedAmount 慢慢降下来。
// zh: /slow 每秒只读 2 MiB，所以数据只能先在某处排队等着。
// en: Send 4 MiB to /slow in one go and watch bufferedAmount drain.
// en: /slow reads only 2 MiB per second, so the data has to wait somewhere.
const TOTAL = 4 * 1024 * 1024;
const ws = new WebSocket(`${SERVER_URL}/slow?bps=${2 * 1024 * 1024}`);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('无法连接 /slow')); // @zh
  ws.onerror = () => reject(new Error('could not connect to /slow')); // @en
});

// zh: 服务器每读完一条完整的消息就报告一次：{ type: 'message', size, received, messages }。
// zh: 把 size 加起来，就知道每个字节什么时候都被读完了。这部分已经写好，不用改。
// en: The server reports each whole message it has read: { type: 'message', size, received, messages }.
// en: Adding up `size` tells us when every byte has been read. This part is done; leave it as it is.
let read = 0;
const allRead = new Promise((resolve) => {
  ws.addEventListener('message', (event) => {
    const report = JSON.parse(event.data);
    if (report.type === 'message') read += report.size;
    if (read >= TOTAL) resolve(report);
  });
});

// zh: 练习：把下面这次 send() 改成分块发送，每次发送前等 bufferedAmount 降下来。
// en: Exercise: turn this one send() into chunks, waiting for bufferedAmount before each.
ws.send(new Uint8Array(TOTAL));
console.log('刚调用 send() 之后：bufferedAmount =', ws.bufferedAmount); // @zh
console.log('right after send(): bufferedAmount =', ws.bufferedAmount); // @en

const timer = setInterval(() => console.log('bufferedAmount =', ws.bufferedAmount), 250);
const report = await allRead;
clearInterval(timer);
console.log(`服务器读完了 ${read} 字节，共 ${report.messages} 条消息`); // @zh
console.log(`the server read ${read} bytes in ${report.messages} message(s)`); // @en
ws.close(1000, 'done');
