// Ping every 500 ms; a ping without a reply after 1000 ms means the connection
// is dead even though readyState still says OPEN: close it and open a new one.
const URL_ = `${SERVER_URL}/heartbeat?silentAfter=1000&jitter=2000`;
const PING_EVERY = 500;
const DEADLINE = 1000;
const CONNECTIONS = 3;

function watch(ws, onDead) {
  let waitingSince = null;
  let seq = 0;
  const timer = setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (waitingSince !== null && performance.now() - waitingSince > DEADLINE) {
      clearInterval(timer);
      onDead();
      return;
    }
    ws.send(JSON.stringify({ type: 'ping', seq: ++seq }));
    waitingSince ??= performance.now();
  }, PING_EVERY);
  // Any reply proves the connection is alive.
  ws.addEventListener('message', () => (waitingSince = null));
  return () => clearInterval(timer);
}

// Reconnect each time the server goes silent; after two reconnects, stop once a connection answered 3 pings.
for (let n = 1; ; n++) {
  const ws = new WebSocket(URL_);
  const outcome = await new Promise((resolve) => {
    let replies = 0;
    const stop = watch(ws, () => resolve('dead'));
    ws.addEventListener('message', () => {
      if (++replies < 3 || n < CONNECTIONS) return;
      stop();
      resolve('healthy');
    });
  });
  if (outcome === 'healthy') {
    console.log(`connection ${n}: answered 3 pings, done`);
    ws.close(1000);
    break;
  }
  console.log(`connection ${n}: no reply for ${DEADLINE} ms (readyState is still ${ws.readyState}); reconnecting`);
  // The close handshake cannot finish with a silent peer: do not wait for the close event.
  ws.close();
}
