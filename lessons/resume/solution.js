// zh: 从收到的最后一个编号接着读；退避延迟按指数增长并加上抖动，
// zh: 连接收到过数据后重置。
// en: Resume from the last number seen, with exponential backoff plus jitter
// en: that resets after a connection that delivered something.
const BASE = `${SERVER_URL}/numbers?until=60&dropAfter=15`;
const BASE_DELAY = 200;
const MAX_DELAY = 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// zh: ms 的 50%–150%
// en: 50%–150% of ms
const jittered = (ms) => ms / 2 + Math.random() * ms;

let lastSeq = 0;
let delay = BASE_DELAY;

function connect() {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${BASE}&since=${lastSeq}`);
    let delivered = false;
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type !== 'number') return;
      lastSeq = message.seq;
      delivered = true;
    };
    ws.onclose = (event) => resolve({ code: event.code, delivered });
  });
}

for (;;) {
  if (!navigator.onLine) await new Promise((resolve) => addEventListener('online', resolve, { once: true }));
  const { code, delivered } = await connect();
  if (code === 1000) break;
  // zh: 收到过数据的连接把退避重置；一连上就失败的连接让它翻倍。
  // en: A connection that worked resets the backoff; one that failed at once doubles it.
  delay = delivered ? BASE_DELAY : Math.min(delay * 2, MAX_DELAY);
  const wait = jittered(delay);
  console.log(`在 #${lastSeq} 之后断线（${code}），${Math.round(wait)} 毫秒后接着读`); // @zh
  console.log(`dropped (${code}) after #${lastSeq}; resuming in ${Math.round(wait)} ms`); // @en
  await sleep(wait);
}
console.log(`完成：${lastSeq} 以内的每个编号都恰好收到一次`); // @zh
console.log(`done: every number up to ${lastSeq}, each once`); // @en
