// /echo: every message goes straight back, text as text and binary as binary.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { Endpoint } from './endpoint.ts';

export const echo: Endpoint = {
  path: WS_PATHS.echo,
  pool: 'lesson',
  origins: 'any',
  maxPayload: 'lesson',
  open(conn) {
    conn.onMessage((data, isBinary) => {
      conn.send(data, isBinary);
    });
  },
};
