// The awsQuery protocol both small stand-ins speak (CloudFormation's DescribeStacks, STS's AssumeRole): a POST of
// form-encoded fields in, an XML document out, errors as <ErrorResponse>. At most `maxRequests` are answered; later
// ones have their connection closed, so a runaway caller cannot keep a test waiting.
import * as http from 'node:http';
import { listenOnLoopback } from './loopback-server';

export interface AwsQueryRequest {
  readonly form: URLSearchParams;
  /** The access key id in the request's SigV4 Authorization header. */
  readonly accessKeyId?: string;
}

export interface AwsQueryAnswer {
  readonly status: number;
  readonly xml: string;
}

export interface AwsQueryServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The access key id in a SigV4 Authorization header. */
export function signingAccessKeyId(authorization: string | undefined): string | undefined {
  return /Credential=([A-Z0-9]+)\//.exec(authorization ?? '')?.[1];
}

/** A server on 127.0.0.1 answering each request with `answer`. */
export async function startAwsQueryServer(maxRequests: number, answer: (request: AwsQueryRequest) => AwsQueryAnswer): Promise<AwsQueryServer> {
  let answered = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (answered >= maxRequests) {
        req.socket.destroy();
        return;
      }
      answered += 1;
      const { status, xml } = answer({
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        accessKeyId: signingAccessKeyId(req.headers.authorization),
      });
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(xml);
    });
  });
  return listenOnLoopback(server);
}

/** An awsQuery error document of the service whose XML namespace is `xmlns`. */
export function awsQueryError(xmlns: string, code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${xmlns}"><Error><Type>Sender</Type><Code>${code}</Code>`
    + `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
