// zh: /heartbeat 会回送每条消息，然后在某个随机时刻沉默，却不关闭连接。
// zh: 这段代码每 500 毫秒 ping 一次，但从来察觉不到沉默。
// en: /heartbeat echoes every message, then at a random moment goes silent
// en: without closing. This code pings every 500 ms but never notices the silence.
const ws = new WebSocket(`${SERVER_URL}/heartbeat?silentAfter=1000&jitter=2000`);
const started = performance.now();
const at = () => `${Math.round(performance.now() - started)} ms`;

let seq = 0;
ws.addEventListener('open', () => {
  setInterval(() => {
    ws.send(JSON.stringify({ type: 'ping', seq: ++seq }));
    console.log(at(), 'ping', seq, '—— readyState', ws.readyState); // @zh
    console.log(at(), 'ping', seq, '— readyState', ws.readyState); // @en
  }, 500);
});
ws.addEventListener('message', (event) => console.log(at(), '回复', event.data)); // @zh
ws.addEventListener('message', (event) => console.log(at(), 'reply', event.data)); // @en
ws.addEventListener('close', (event) => console.log(at(), 'close', event.code));
