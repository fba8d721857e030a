// zh: 一下子把 24 MiB 交给 send()（切成 1 MiB 的消息），
// zh: 看着 bufferedAmount 慢慢降下来。/slow 每秒只读 2 MiB；
// zh: 操作系统的缓冲区先收下大约 10 MB，其余的只能在浏览器的发送队列里排队。
// en: Hand 24 MiB to send() at once (as 1 MiB messages)
// en: and watch bufferedAmount drain. /slow reads only 2 MiB per second;
// en: the operating system's buffers take about 10 MB at once,
// en: and the rest has to wait in the browser's send queue.
const TOTAL = 24 * 1024 * 1024;
const MESSAGE = 1024 * 1024;
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

// zh: 练习：把下面这个循环改成小块发送，每次 send() 之前等 bufferedAmount 降下来。
// en: Exercise: turn this loop into small chunks, waiting for bufferedAmount before each send().
for (let sent = 0; sent < TOTAL; sent += MESSAGE) ws.send(new Uint8Array(MESSAGE));
console.log('刚调用完 send()：bufferedAmount =', ws.bufferedAmount); // @zh
console.log('right after the send() calls: bufferedAmount =', ws.bufferedAmount); // @en

const timer = setInterval(() => console.log('bufferedAmount =', ws.bufferedAmount), 500);
const report = await allRead;
clearInterval(timer);
console.log(`服务器读完了 ${read} 字节，共 ${report.messages} 条消息`); // @zh
console.log(`the server read ${read} bytes in ${report.messages} messages`); // @en
ws.close(1000, 'done');
