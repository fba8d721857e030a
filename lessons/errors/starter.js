// zh: /close?code=1013 接受连接后立刻以 1013 “Try Again Later” 关闭它。
// zh: 起始代码已经会等 close 事件、遇到 1000 停止、最多尝试 5 次；它每次固定等 300 毫秒再重试。
// en: /close?code=1013 accepts the connection and closes it at once with 1013 "Try Again Later".
// en: The starter already waits for the close event, stops on 1000 and tries at most 5 times; it retries after a fixed 300 ms.
const URL_TO_TRY =
  `${SERVER_URL}/close?code=1013&reason=${encodeURIComponent('服务器忙，请稍后再试')}`; // @zh
  `${SERVER_URL}/close?code=1013&reason=${encodeURIComponent('busy, try later')}`; // @en
const MAX_ATTEMPTS = 5;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// zh: 打开一个连接，在它的 close 事件到来时 resolve。
// en: Opens one socket and resolves with its close event.
function connectOnce(url) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onerror = () => console.log('  error 事件（它从不说明原因）'); // @zh
    ws.onerror = () => console.log('  error event (it never says why)'); // @en
    ws.onclose = resolve;
  });
}

for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
  const closed = await connectOnce(URL_TO_TRY);
  console.log(`第 ${attempt} 次尝试：以 ${closed.code} “${closed.reason}” 关闭（wasClean: ${closed.wasClean}）`); // @zh
  console.log(`attempt ${attempt}: closed with ${closed.code} "${closed.reason}" (wasClean: ${closed.wasClean})`); // @en
  // zh: 正常关闭：没有什么要重试的
  // en: a normal close: nothing to retry
  if (closed.code === 1000) break;
  if (attempt === MAX_ATTEMPTS) {
    console.log('放弃重连'); // @zh
    console.log('giving up'); // @en
    break;
  }
  // zh: 练习：把这个固定的等待改成指数退避。
  // en: Exercise: turn this fixed wait into exponential backoff.
  const delay = 300;
  console.log(`  ${delay} 毫秒后重试`); // @zh
  console.log(`  retrying in ${delay} ms`); // @en
  await sleep(delay);
}
