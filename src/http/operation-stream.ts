import type { ExecutionResult, GraphQLFormattedError } from 'graphql';

/** Errors that refused a whole operation before it ran (a request error): graphql-ws sends them as `error`. */
export class RequestErrors extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'Request refused');
  }
}

const CODE_OF_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 413: 'BAD_REQUEST', 429: 'RATE_LIMITED' };

/**
 * The results of one operation answered over HTTP by the app itself: the events of a `text/event-stream`
 * answer, or a JSON answer as one result. A first result without `data` is a request error and is thrown as
 * RequestErrors.
 */
export async function* operationResults(response: Response, signal: AbortSignal): AsyncGenerator<ExecutionResult> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/event-stream')) {
    const result = type.includes('json') ? ((await response.json()) as ExecutionResult) : undefined;
    if (!result) {
      const code =
        CODE_OF_STATUS[response.status] ?? (response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
      throw new RequestErrors([{ message: response.statusText || 'Request refused', extensions: { code } }]);
    }
    if (!('data' in result)) throw new RequestErrors(result.errors ?? []);
    yield result;
    return;
  }
  let first = true;
  for await (const event of serverSentEvents(response.body!, signal)) {
    if (event.type === 'complete') return;
    if (event.type !== 'next' || !event.data) continue;
    const result = JSON.parse(event.data) as ExecutionResult;
    if (first && !('data' in result)) throw new RequestErrors(result.errors ?? []);
    first = false;
    yield result;
  }
}

/**
 * Events of a Server-Sent Events stream (comments, used as keep-alives, skipped). `signal` cancels the stream at
 * once, also while a read is pending (a generator's return() would wait for the next event): the app then ends
 * the operation, releasing what it holds (a subscription's place in its cap).
 */
async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<{ type: string; data: string }> {
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end = buffered.indexOf('\n\n');
      while (end !== -1) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        let type = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) type = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (block && !block.startsWith(':')) yield { type, data: data.join('\n') };
        end = buffered.indexOf('\n\n');
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    await reader.cancel().catch(() => {});
  }
}
