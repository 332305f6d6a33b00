import type { Plugin } from 'graphql-yoga';

export interface BodyLimits {
  maxBodyBytes: number;
  /** Largest multipart (upload) body: the picture limit plus room for the operation. */
  maxUploadBytes: number;
}

/**
 * Refuses oversized bodies with 413: by Content-Length when there is one, otherwise while reading, so a body
 * without a length cannot get past the limit either. Multipart parts are limited again
 * by formDataLimits.
 */
export function useBodyLimit(limits: BodyLimits): Plugin {
  return {
    // Not async: most requests are decided from their headers, and only the rest should wait for their body.
    onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const multipart = request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data');
      const limit = multipart ? limits.maxUploadBytes : limits.maxBodyBytes;
      const length = request.headers.get('content-length');
      const declared = Number(length ?? 0);
      // A declared length within the limit is enforced by Node's HTTP parser (the body ends there), so only
      // bodies without one (chunked) or declared too large need reading here.
      if (length !== null && declared <= limit) return;
      if (!request.body) return;
      const tooLarge = () => {
        const error = {
          message: `The request body is larger than ${limit} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        };
        const headers = { 'content-type': 'application/json', connection: 'close' };
        endResponse(new fetchAPI.Response(JSON.stringify({ errors: [error] }), { status: 413, headers }));
      };
      // Even a body declared too large is read (and dropped) up to ten times the limit: a client still sending
      // when we answer would see its connection reset instead of our 413. Beyond that we answer at once.
      if (declared > limit * DRAIN_FACTOR) return tooLarge();
      return readAtMost(request.body, limit).then((body) => {
        if (!body) return tooLarge();
        setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body }));
      });
    },
  };
}

const DRAIN_FACTOR = 10;

/**
 * The body, or null past `limit`. What follows the limit is still read and dropped (up to ten times the limit)
 * so the client receives our 413 instead of a connection reset; beyond that we stop listening.
 */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size <= limit) chunks.push(chunk);
    else if (size > limit * DRAIN_FACTOR) break;
  }
  return size > limit ? null : new Uint8Array(Buffer.concat(chunks));
}
