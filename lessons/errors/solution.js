// zh: 指数退避重连：两次尝试之间等 200、400、800、1600 毫秒；遇到正常关闭或尝试 5 次后停止。
// en: Retry with exponential backoff: 200, 400, 800, 1600 ms between attempts,
// en: and stop retrying on a normal close or after five attempts.
const URL_TO_TRY =
  `${SERVER_URL}/close?code=1013&reason=${encodeURIComponent('服务器忙，请稍后再试')}`; // @zh
  `${SERVER_URL}/close?code=1013&reason=${encodeURIComponent('busy, try later')}`; // @en
const MAX_ATTEMPTS = 5;
const BASE_DELAY = 200;
const MAX_DELAY = 10_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
  if (closed.code === 1000) break;
  if (attempt === MAX_ATTEMPTS) {
    console.log('放弃重连'); // @zh
    console.log('giving up'); // @en
    break;
  }
  // zh: 每次翻倍能把重试分散开，不会一直猛敲一台吃力的服务器；上限让尝试很多时的等待仍有界。
  // en: Doubling spreads retries out, so a struggling server is not hammered;
  // en: the cap keeps the wait bounded when attempts are many.
  const delay = Math.min(BASE_DELAY * 2 ** (attempt - 1), MAX_DELAY);
  console.log(`  ${delay} 毫秒后重试`); // @zh
  console.log(`  retrying in ${delay} ms`); // @en
  await sleep(delay);
}
