const WANTED = 5;
const ws = new WebSocket(`${SERVER_URL}/push`);
let received = 0;
let previous;

ws.onopen = () => console.log('已连接；现在只需要听'); // @zh
ws.onopen = () => console.log('connected; now we only listen'); // @en

ws.onmessage = (event) => {
  const reading = JSON.parse(event.data);
  received += 1;
  const gap = previous === undefined ? '' : ` (+${Math.round(performance.now() - previous)} ms)`;
  previous = performance.now();
  console.log(`第 ${received} 条读数：seq ${reading.seq}，${reading.temperatureC}°C，${reading.condition}${gap}`); // @zh
  console.log(`reading ${received}: seq ${reading.seq}, ${reading.temperatureC}°C, ${reading.condition}${gap}`); // @en
  if (received === WANTED) ws.close(1000, 'done');
};

ws.onclose = (event) => console.log('已关闭，关闭码 =', event.code); // @zh
ws.onclose = (event) => console.log('closed, code =', event.code); // @en
