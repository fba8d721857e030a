// The made-up weather reading /api/weather answers and /push sends (with
// "type": "reading"), so a lesson can compare polling with push.

/** A new reading (a new seq) this often. */
export const READING_EVERY_MS = 1000;

export interface WeatherReading {
  city: string;
  temperatureC: number;
  humidity: number;
  condition: string;
  /** Increases by one every second; a poll that returns the same seq learned nothing new. */
  seq: number;
  updatedAt: string;
}

/** What /push sends every interval. */
export type PushedReading = WeatherReading & { type: 'reading' };
