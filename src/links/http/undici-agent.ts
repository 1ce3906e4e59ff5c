/**
 * undici's Agent with its `request()` method, loaded without the rest of undici (fetch,
 * WebSocket, cookies, caches, mocks). The package's index loads all of that (~60 ms of a
 * cold CLI start on the benchmark machine) and then does what this module does: gives every
 * dispatcher the request API. undici 7 has no `exports` map, so these paths are public files
 * of the pinned major version; test/links/undici-agent.test.ts checks they still fit together.
 */
import type { Agent as AgentClass, Dispatcher as DispatcherClass } from 'undici';
import AgentModule from 'undici/lib/dispatcher/agent.js';
import DispatcherModule from 'undici/lib/dispatcher/dispatcher.js';
import requestApi from 'undici/lib/api/index.js';

const dispatcherPrototype = (DispatcherModule as unknown as { prototype: object }).prototype;
if (!('request' in dispatcherPrototype)) Object.assign(dispatcherPrototype, requestApi);

export const Agent = AgentModule as unknown as typeof AgentClass;
export type Agent = AgentClass;
export type Dispatcher = DispatcherClass;
