import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The fields of Postmark's /email request the tests read. */
interface PostmarkEmail {
  From: string;
  To: string;
  Subject: string;
  TextBody: string;
  HtmlBody: string;
  MessageStream?: string;
  [field: string]: unknown;
}

interface RecordedRequest {
  /** When it arrived (Date.now()). */
  at: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The JSON sent (Postmark's email fields), or undefined for an empty body. */
  body: PostmarkEmail;
}

/**
 * A stand-in for Postmark's API on 127.0.0.1: records each request and answers like Postmark, with
 * success, with the error answer `failWith` sets, or never (`hang`: the request stays open until the
 * client gives up or goes away).
 */
export async function startFakePostmark() {
  const requests: RecordedRequest[] = [];
  let failure: { status: number; body: object } | 'hang' | undefined;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ at: Date.now(), method: req.method!, path: req.url!, headers: req.headers, body });
      if (failure === 'hang') return;
      res.setHeader('content-type', 'application/json');
      if (failure) {
        res.statusCode = failure.status;
        res.end(JSON.stringify(failure.body));
        return;
      }
      res.end(
        JSON.stringify({
          To: body?.To,
          SubmittedAt: new Date().toISOString(),
          MessageID: crypto.randomUUID(),
          ErrorCode: 0,
          Message: 'OK',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith(status: number, body: object) {
      failure = { status, body };
    },
    hang() {
      failure = 'hang';
    },
    succeed() {
      failure = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hung requests too
        server.close(() => resolve());
      }),
  };
}
