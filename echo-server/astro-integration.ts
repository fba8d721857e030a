// Placeholder until the server lands: `npm run dev` will attach the WebSocket
// endpoints to Astro's dev server here.
import type { AstroIntegration } from 'astro';

export function playgroundEndpoints(): AstroIntegration {
  return { name: 'websocket-playground-endpoints', hooks: {} };
}
