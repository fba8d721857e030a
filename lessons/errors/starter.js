// /close?code=1013 accepts the connection and closes it at once with
// 1013 "Try Again Later". This starter retries after a fixed 300 ms.
const URL_TO_TRY = `${SERVER_URL}/close?code=1013&reason=busy,%20try%20later`;
const MAX_ATTEMPTS = 5;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens one socket and resolves with its close event. */
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
  if (closed.code === 1000) break; // a normal close: nothing to retry
  if (attempt === MAX_ATTEMPTS) {
    console.log('giving up');
    break;
  }
  const delay = 300;
  console.log(`  retrying in ${delay} ms`);
  await sleep(delay);
}
