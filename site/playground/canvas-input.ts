// The lesson canvas: a default picture the reader can draw over; its pixels
// are handed to the code as PIXELS.
import type { Pixels } from '../runner/protocol.ts';

function drawDefault(ctx: CanvasRenderingContext2D): void {
  const { width, height } = ctx.canvas;
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#4f8fd8');
  sky.addColorStop(1, '#f5c27a');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ffe07a';
  ctx.beginPath();
  ctx.arc(width * 0.72, height * 0.36, 44, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#2f5d3a';
  ctx.beginPath();
  ctx.moveTo(0, height);
  ctx.lineTo(0, height * 0.7);
  ctx.quadraticCurveTo(width * 0.3, height * 0.5, width * 0.55, height * 0.72);
  ctx.quadraticCurveTo(width * 0.8, height * 0.9, width, height * 0.68);
  ctx.lineTo(width, height);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 40px sans-serif';
  ctx.fillText('ws://', 24, 64);
}

export function setupCanvasInput(canvas: HTMLCanvasElement, resetButton: HTMLButtonElement | null): () => Pixels {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  drawDefault(ctx);
  resetButton?.addEventListener('click', () => drawDefault(ctx));

  let drawing = false;
  const point = (event: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    return [((event.clientX - box.left) * canvas.width) / box.width, ((event.clientY - box.top) * canvas.height) / box.height];
  };
  canvas.addEventListener('pointerdown', (event) => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    ctx.beginPath();
    ctx.moveTo(...point(event));
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    ctx.lineWidth = 6;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#c2185b';
    ctx.lineTo(...point(event));
    ctx.stroke();
  });
  const end = (): void => {
    drawing = false;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  return () => {
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: image.width, height: image.height, data: image.data };
  };
}
