// zh: 每 500 毫秒 ping 一次；ping 发出 1000 毫秒还没有回复，说明连接已经死了，
// zh: 哪怕 readyState 仍是 OPEN：关掉它，新开一个。
// en: Ping every 500 ms; a ping without a reply after 1000 ms means the connection
// en: is dead even though readyState still says OPEN: close it and open a new one.
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
  // zh: 任何回复都证明连接还活着。
  // en: Any reply proves the connection is alive.
  ws.addEventListener('message', () => (waitingSince = null));
  return () => clearInterval(timer);
}

// zh: 服务器每次沉默就重连；重连两次之后，等某个连接回复了 3 个 ping 就停。
// en: Reconnect each time the server goes silent; after two reconnects, stop once a connection answered 3 pings.
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
    console.log(`第 ${n} 个连接：回复了 3 个 ping，结束`); // @zh
    console.log(`connection ${n}: answered 3 pings, done`); // @en
    ws.close(1000);
    break;
  }
  console.log(`第 ${n} 个连接：${DEADLINE} 毫秒没有回复（readyState 仍是 ${ws.readyState}），重连`); // @zh
  console.log(`connection ${n}: no reply for ${DEADLINE} ms (readyState is still ${ws.readyState}); reconnecting`); // @en
  // zh: 对方已经沉默，关闭握手完成不了：不要等 close 事件。
  // en: The close handshake cannot finish with a silent peer: do not wait for the close event.
  ws.close();
}
