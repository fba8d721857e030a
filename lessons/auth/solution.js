// zh: 在浏览器里给 WebSocket 做身份验证的两种办法：用令牌通过 HTTP 换一张一次性票据，
// zh: 以及把令牌放在第一条消息里。
// en: Two ways to authenticate a WebSocket from a browser: a one-time ticket
// en: fetched with the token over HTTP, and the token in the first message.
const TOKEN = 'demo-token';
const HTTP_URL = SERVER_URL.replace(/^ws/, 'http');

function welcome(ws) {
  return new Promise((resolve, reject) => {
    ws.onmessage = (event) => resolve(JSON.parse(event.data));
    ws.onclose = (event) => reject(new Error(`以 ${event.code} ${event.reason} 关闭`)); // @zh
    ws.onclose = (event) => reject(new Error(`closed with ${event.code} ${event.reason}`)); // @en
  });
}

// zh: 票据：fetch() 可以带 Authorization 头，WebSocket 不行。
// en: Ticket: fetch() may send an Authorization header; WebSocket may not.
const response = await fetch(`${HTTP_URL}/auth/tickets`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
const { ticket } = await response.json();
const byTicket = new WebSocket(`${SERVER_URL}/auth/ticket?ticket=${encodeURIComponent(ticket)}`);
console.log('票据：', await welcome(byTicket)); // @zh
console.log('ticket:', await welcome(byTicket)); // @en

// zh: 第一条消息：谁都能打开这个连接，但服务器第一条只接受身份验证消息。
// en: First message: the socket opens for anyone, but the server accepts nothing else first.
const byMessage = new WebSocket(`${SERVER_URL}/auth/message`);
byMessage.onopen = () => byMessage.send(JSON.stringify({ type: 'auth', token: TOKEN }));
console.log('第一条消息：', await welcome(byMessage)); // @zh
console.log('message:', await welcome(byMessage)); // @en

byTicket.close(1000);
byMessage.close(1000);
