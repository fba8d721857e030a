// Resume from the last number seen, with exponential backoff plus jitter
// that resets after a connection that delivered something.
const BASE = `${SERVER_URL}/numbers?until=60&dropAfter=15`;
const BASE_DELAY = 200;
const MAX_DELAY = 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const jittered = (ms) => ms / 2 + Math.random() * ms; // 50%–150% of ms

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
  // A connection that worked resets the backoff; one that failed at once doubles it.
  delay = delivered ? BASE_DELAY : Math.min(delay * 2, MAX_DELAY);
  const wait = jittered(delay);
  console.log(`dropped (${code}) after #${lastSeq}; resuming in ${Math.round(wait)} ms`);
  await sleep(wait);
}
console.log(`done: every number up to ${lastSeq}, each once`);
