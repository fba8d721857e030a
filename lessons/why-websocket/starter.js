// zh: /push 会主动推送天气读数，我们一次都不用问。练习：收 5 条再关闭。
// en: /push sends weather readings without being asked. Exercise: take 5 before closing.
const ws = new WebSocket(`${SERVER_URL}/push`);

ws.onopen = () => console.log('已连接；现在只需要听'); // @zh
ws.onopen = () => console.log('connected; now we only listen'); // @en

ws.onmessage = (event) => {
  const reading = JSON.parse(event.data);
  console.log(`读数 #${reading.seq}：${reading.temperatureC}°C，${reading.condition}`); // @zh
  console.log(`reading #${reading.seq}: ${reading.temperatureC}°C, ${reading.condition}`); // @en
  ws.close(1000, 'done');
};

ws.onclose = (event) => console.log('已关闭，关闭码 =', event.code); // @zh
ws.onclose = (event) => console.log('closed, code =', event.code); // @en
