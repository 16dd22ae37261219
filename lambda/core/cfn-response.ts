// Sends the handler's answer to CloudFormation: a PUT of a small JSON document to the pre-signed ResponseURL,
// retried with jittered backoff. The URL is a credential (pre-signed): it is never logged or put in an error.
import * as http from 'node:http';
import * as https from 'node:https';
import { CustomResourceEvent, Outcome } from './types';

/** A response object must not exceed 4096 bytes (CloudFormation User Guide, custom resource response objects; aws-cdk's
 * core custom-resource entrypoint keeps under it too): one byte of margin. */
export const MAX_RESPONSE_BYTES = 4095;

export interface ResponseOptions {
  /** Attempts in all, the first included. */
  readonly attempts?: number;
  /** Base of the exponential backoff between attempts. */
  readonly baseDelayMs?: number;
  /** Time limit of one attempt. */
  readonly attemptTimeoutMs?: number;
  /** No attempt starts after this time (epoch ms). */
  readonly deadline?: number;
}

export function responseBody(event: CustomResourceEvent, outcome: Outcome): string {
  const document = {
    Status: outcome.status,
    Reason: outcome.reason ?? '',
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    NoEcho: false,
    ...(outcome.data ? { Data: outcome.data } : {}),
  };
  let body = JSON.stringify(document);
  // Only the free-text Reason can make the body too large: shorten it, never the ids.
  while (Buffer.byteLength(body) > MAX_RESPONSE_BYTES && document.Reason.length > 0) {
    const excess = Buffer.byteLength(body) - MAX_RESPONSE_BYTES;
    document.Reason = `${document.Reason.slice(0, Math.max(0, document.Reason.length - excess - 2))}…`;
    if (document.Reason === '…') document.Reason = '';
    body = JSON.stringify(document);
  }
  return body;
}

export async function sendResponse(responseUrl: string, body: string, options: ResponseOptions = {}): Promise<void> {
  const { attempts = 5, baseDelayMs = 250, attemptTimeoutMs = 5_000, deadline = Infinity } = options;
  let lastError = 'not attempted';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const timeLeft = deadline - Date.now();
    if (timeLeft <= 0) break;
    try {
      await put(responseUrl, body, Math.min(attemptTimeoutMs, timeLeft));
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (attempt < attempts) {
      const backoff = baseDelayMs * 2 ** (attempt - 1);
      await sleep(Math.min(backoff / 2 + Math.random() * backoff / 2, Math.max(0, deadline - Date.now())));
    }
  }
  throw new Error(`the response to CloudFormation could not be delivered: ${lastError}`);
}

function put(responseUrl: string, body: string, timeoutMs: number): Promise<void> {
  const url = new URL(responseUrl);
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    }, (response) => {
      response.resume();
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`HTTP ${status}`));
      });
      response.on('error', (error) => reject(new Error(`response error ${(error as NodeJS.ErrnoException).code ?? error.name}`)));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // Node's messages for network errors can quote the host and path; report the code only.
    request.on('error', (error) => reject(new Error((error as NodeJS.ErrnoException).code ?? error.message)));
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
