// A made-up weather reading that changes once a second. /api/weather (polling)
// and /push (server push) read the same one, so a lesson can compare them.

import { READING_EVERY_MS, type WeatherReading } from '../contracts/weather.ts';

const CONDITIONS = ['sunny', 'cloudy', 'overcast', 'light rain', 'windy'];

/** Deterministic noise in [0, 1) for a whole number, so every caller sees the same reading. */
function noise(n: number): number {
  const x = Math.sin(n * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

export function currentReading(now = Date.now()): WeatherReading {
  const seq = Math.floor(now / READING_EVERY_MS);
  const minutes = seq / 60;
  return {
    city: 'Hangzhou',
    temperatureC: Math.round((18 + 6 * Math.sin(minutes / 30) + noise(seq) * 0.8) * 10) / 10,
    humidity: Math.round(55 + 20 * Math.sin(minutes / 45 + 1) + noise(seq + 7) * 3),
    condition: CONDITIONS[Math.floor(seq / 90) % CONDITIONS.length]!,
    seq,
    updatedAt: new Date(seq * READING_EVERY_MS).toISOString(),
  };
}
