// Every WebSocket endpoint, by path.
import type { RoomBus } from '../chat/room-bus.ts';
import { createChat, type ChatLimits } from '../chat/endpoint.ts';
import { close } from './close.ts';
import { echo } from './echo.ts';
import { firehose } from './firehose.ts';
import type { Endpoint } from './endpoint.ts';
import { handshake } from './handshake.ts';
import { heartbeat } from './heartbeat.ts';
import { numbers } from './numbers.ts';
import { push } from './push.ts';
import { rpc } from './rpc.ts';
import { slow } from './slow.ts';

// Each endpoint's Params type differs; the router pairs parse() and open() of the same one.
// biome-ignore lint/suspicious/noExplicitAny: a table of endpoints whose Params types differ.
export type AnyEndpoint = Endpoint<any>;

export function createEndpoints(bus: RoomBus, chatLimits: ChatLimits, extra: AnyEndpoint[] = []): Map<string, AnyEndpoint> {
  const list: AnyEndpoint[] = [
    echo,
    handshake,
    push,
    close,
    slow,
    createChat(bus, chatLimits),
    heartbeat,
    numbers,
    rpc,
    firehose,
    ...extra,
  ];
  return new Map(list.map((e) => [e.path, e]));
}
