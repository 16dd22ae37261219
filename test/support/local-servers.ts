// HTTP servers the handler tests talk to, bound to 127.0.0.1 and closed by the tests that start them.
import * as http from 'node:http';
import { listenOnLoopback } from 'cdk-engagement-invitation-local';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** What the server answers, in order; the last answer repeats. `'drop'` closes the connection without answering. */
export type ScriptedAnswer = { readonly status: number; readonly body?: string; readonly headers?: Record<string, string> } | 'drop';

export interface ScriptedServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A server that records every request and answers from `script`. At most `maxRequests` are served. */
export async function startScriptedServer(script: ScriptedAnswer[], maxRequests = 100): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = script[Math.min(requests.length - 1, script.length - 1)] ?? { status: 200 };
      if (answer === 'drop' || requests.length > maxRequests) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: loopback.url,
    requests,
    close: loopback.close,
  };
}

/** An awsJson1_0 answer of Partner Central Selling. */
export function awsJson(status: number, body: object, errorType?: string): ScriptedAnswer {
  return {
    status,
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    },
  };
}
