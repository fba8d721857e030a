// Retry with exponential backoff: 200, 400, 800, 1600 ms between attempts,
// and stop retrying on a normal close or after five attempts.
const URL_TO_TRY = `${SERVER_URL}/close?code=1013&reason=busy,%20try%20later`;
const MAX_ATTEMPTS = 5;
const BASE_DELAY = 200;
const MAX_DELAY = 10_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function connectOnce(url) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onerror = () => console.log('  error event (it never says why)');
    ws.onclose = resolve;
  });
}

for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
  const closed = await connectOnce(URL_TO_TRY);
  console.log(`attempt ${attempt}: closed with ${closed.code} "${closed.reason}" (wasClean: ${closed.wasClean})`);
  if (closed.code === 1000) break;
  if (attempt === MAX_ATTEMPTS) {
    console.log('giving up');
    break;
  }
  // Doubling spreads retries out, so a struggling server is not hammered;
  // the cap keeps the wait bounded when attempts are many.
  const delay = Math.min(BASE_DELAY * 2 ** (attempt - 1), MAX_DELAY);
  console.log(`  retrying in ${delay} ms`);
  await sleep(delay);
}
