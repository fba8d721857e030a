// zh: 浏览器不能在 WebSocket 握手里加 Authorization 头。
// zh: 这段代码直接去连接，对此什么也没做。
// en: A browser cannot put an Authorization header on a WebSocket handshake.
// en: This code tries to connect without doing anything about it.
// zh: 你的应用登录后拿到的令牌
// en: what your app's login gave you
const TOKEN = 'demo-token';

function report(ws, name) {
  ws.onopen = () => console.log(name, 'open');
  ws.onmessage = (event) => console.log(name, '收到', event.data); // @zh
  ws.onmessage = (event) => console.log(name, 'got', event.data); // @en
  ws.onclose = (event) => console.log(name, 'close', event.code, event.reason);
}

// zh: 做法 2，票据：URL 里没有票据，所以服务器回答 401，页面看到 error 和 1006。
// en: Pattern 2, ticket: no ticket in the URL, so the server answers 401 and the page sees error + 1006.
report(new WebSocket(`${SERVER_URL}/auth/ticket`), '/auth/ticket');

// zh: 做法 3，第一条消息：第一条消息不是 {"type":"auth"}，所以服务器以 1008 关闭。
// en: Pattern 3, first message: the first message is not {"type":"auth"}, so the server closes with 1008.
const ws = new WebSocket(`${SERVER_URL}/auth/message`);
report(ws, '/auth/message');
ws.addEventListener('open', () => ws.send('hello'));
