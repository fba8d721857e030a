const WANTED = 5;
const ws = new WebSocket(`${SERVER_URL}/push`);
let received = 0;
let previous;

ws.onopen = () => console.log('connected; now we only listen');

ws.onmessage = (event) => {
  const reading = JSON.parse(event.data);
  received += 1;
  const gap = previous === undefined ? '' : ` (+${Math.round(performance.now() - previous)} ms)`;
  previous = performance.now();
  console.log(`reading ${received}: seq ${reading.seq}, ${reading.temperatureC}°C, ${reading.condition}${gap}`);
  if (received === WANTED) ws.close(1000, 'got five');
};

ws.onclose = (event) => console.log('closed, code =', event.code);
