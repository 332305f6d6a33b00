import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

const HEADER = 'x-request-id';
const ids = new WeakMap<Request, string>();

/** A caller's X-Request-Id is kept when it is a sane token (a proxy may have set it); otherwise we make one. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const offered = request.headers.get(HEADER);
    id = offered && /^[\w.:-]{1,64}$/.test(offered) ? offered : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/** Echoes the request id on every response, GraphQL or not. */
export function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set(HEADER, requestIdOf(request));
    },
  };
}
