// The local stand-in for the pre-signed S3 URL CloudFormation gives a custom resource (ResponseURL): it records
// every PUT per request, on 127.0.0.1, and lets the deployer wait for the first one. Faults make a PUT fail (500, a
// closed connection) or get lost: answered 200, so the sender believes it delivered, but never recorded.
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { listenOnLoopback } from '../loopback-server';

/** CloudFormation refuses a response object above this size ("Response object is too long"). */
export const MAX_RESPONSE_BYTES = 4096;

export interface CustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly NoEcho?: boolean;
  readonly Data?: Record<string, unknown>;
}

export interface ReceivedResponse {
  /** The parsed response, or why CloudFormation would not accept it. */
  readonly response?: CustomResourceResponse;
  readonly rejected?: string;
}

export interface ResponseReceiver {
  /** A new ResponseURL; every PUT to it is recorded under the returned key. */
  newResponseUrl(): { key: string; url: string };
  /** The responses received for `key` so far, in order. */
  received(key: string): ReceivedResponse[];
  /** The next `count` PUTs are not recorded: answered 500 (`error`), with the connection closed (`drop`), or 200 as
   * if delivered (`lost`: CloudFormation never hears of it). */
  failNext(count: number, how?: ReceiverFault): void;
  /** Faults injected with failNext that no PUT has met yet. */
  pendingFaults(): number;
  close(): Promise<void>;
}

export type ReceiverFault = 'error' | 'drop' | 'lost';

export async function startResponseReceiver(maxRequests = 10_000): Promise<ResponseReceiver> {
  const responses = new Map<string, ReceivedResponse[]>();
  let served = 0;
  const failures: ReceiverFault[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    req.on('end', () => {
      served += 1;
      const key = /^\/cloudformation-response\/([0-9a-f-]{36})\?/.exec(req.url ?? '')?.[1];
      if (req.method !== 'PUT' || !key || !responses.has(key) || served > maxRequests) {
        res.writeHead(403).end();
        return;
      }
      const failure = failures.shift();
      if (failure === 'drop') {
        req.socket.destroy();
        return;
      }
      if (failure === 'error') {
        res.writeHead(500).end();
        return;
      }
      if (failure === 'lost') {
        res.writeHead(200).end();
        return;
      }
      responses.get(key)!.push(parse(Buffer.concat(chunks), size));
      res.writeHead(200).end();
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    newResponseUrl: () => {
      const key = randomUUID();
      responses.set(key, []);
      return { key, url: `${loopback.url}/cloudformation-response/${key}?X-Amz-Signature=local` };
    },
    received: (key) => responses.get(key) ?? [],
    failNext: (count, how = 'error') => { for (let i = 0; i < count; i++) failures.push(how); },
    pendingFaults: () => failures.length,
    close: loopback.close,
  };
}

function parse(body: Buffer, size: number): ReceivedResponse {
  if (size > MAX_RESPONSE_BYTES) return { rejected: `Response object is too long (${size} bytes)` };
  try {
    const response = JSON.parse(body.toString('utf8'));
    if ((response.Status !== 'SUCCESS' && response.Status !== 'FAILED') || typeof response.PhysicalResourceId !== 'string') {
      return { rejected: 'Invalid response object: Status and PhysicalResourceId are required' };
    }
    return { response };
  } catch {
    return { rejected: 'Invalid response object: not JSON' };
  }
}
