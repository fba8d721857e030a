// /echo: every message goes straight back, text as text and binary as binary.
import type { Endpoint } from './endpoint.ts';

export const echo: Endpoint = {
  path: '/echo',
  pool: 'lesson',
  origins: 'any',
  maxPayload: 'lesson',
  open(conn) {
    conn.onMessage((data, isBinary) => {
      conn.send(data, isBinary);
    });
  },
};
