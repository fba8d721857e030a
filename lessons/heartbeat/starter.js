// /heartbeat echoes every message, then at a random moment goes silent
// without closing. This code pings every 500 ms but never notices the silence.
const ws = new WebSocket(`${SERVER_URL}/heartbeat?silentAfter=1000&jitter=2000`);
const started = performance.now();
const at = () => `${Math.round(performance.now() - started)} ms`;

let seq = 0;
ws.addEventListener('open', () => {
  setInterval(() => {
    ws.send(JSON.stringify({ type: 'ping', seq: ++seq }));
    console.log(at(), 'ping', seq, '— readyState', ws.readyState);
  }, 500);
});
ws.addEventListener('message', (event) => console.log(at(), 'reply', event.data));
ws.addEventListener('close', (event) => console.log(at(), 'close', event.code));
