// A local STS endpoint on 127.0.0.1 for AssumeRole only, in the service's awsQuery protocol (form-encoded request,
// XML answer), so the handler's cross-account path runs without AWS. Point the SDK at it with AWS_ENDPOINT_URL_STS.
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import { listenOnLoopback } from '../loopback-server';

export interface AssumeRoleCall {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  /** The access key that signed the request (the caller's own credentials). */
  readonly callerAccessKeyId?: string;
  readonly status: number;
  /** The temporary access key handed out. */
  readonly accessKeyId?: string;
}

export interface StsEndpoint {
  readonly url: string;
  readonly calls: AssumeRoleCall[];
  /** The next `count` AssumeRole calls are refused with AccessDenied (403). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

/** The access key id in a SigV4 Authorization header. */
export function signingAccessKeyId(authorization: string | undefined): string | undefined {
  return /Credential=([A-Z0-9]+)\//.exec(authorization ?? '')?.[1];
}

export async function startStsEndpoint(maxRequests = 1_000): Promise<StsEndpoint> {
  const calls: AssumeRoleCall[] = [];
  let refusals = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (calls.length >= maxRequests) {
        req.socket.destroy();
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const roleArn = form.get('RoleArn') ?? '';
      const sessionName = form.get('RoleSessionName') ?? '';
      const durationSeconds = Number(form.get('DurationSeconds') ?? 3600);
      const callerAccessKeyId = signingAccessKeyId(req.headers.authorization);
      const reply = (status: number, xml: string) => {
        res.writeHead(status, { 'content-type': 'text/xml' });
        res.end(xml);
      };
      if (form.get('Action') !== 'AssumeRole' || !/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(roleArn) || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
        calls.push({ roleArn, sessionName, durationSeconds, callerAccessKeyId, status: 400 });
        reply(400, errorXml('ValidationError', 'Only AssumeRole with a role ARN and a valid RoleSessionName is supported'));
        return;
      }
      if (refusals > 0) {
        refusals -= 1;
        calls.push({ roleArn, sessionName, durationSeconds, callerAccessKeyId, status: 403 });
        reply(403, errorXml('AccessDenied', `User: ${callerAccessKeyId ?? 'anonymous'} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`));
        return;
      }
      const digest = createHash('sha256').update(`${roleArn} ${sessionName} ${calls.length}`).digest('hex').toUpperCase();
      const accessKeyId = `ASIA${digest.slice(0, 16)}`;
      calls.push({ roleArn, sessionName, durationSeconds, callerAccessKeyId, status: 200, accessKeyId });
      const account = roleArn.split(':')[4];
      const roleName = roleArn.split('/').pop();
      const expiration = new Date(Date.now() + durationSeconds * 1000).toISOString();
      reply(200, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${digest.slice(16, 56)}</SecretAccessKey>
<SessionToken>local-session-${digest.slice(0, 32)}</SessionToken><Expiration>${expiration}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROA${digest.slice(20, 37)}:${sessionName}</AssumedRoleId>
<Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>${digest.slice(0, 8)}-local</RequestId></ResponseMetadata></AssumeRoleResponse>`);
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: loopback.url,
    calls,
    refuseNext: (count) => { refusals += count; },
    close: loopback.close,
  };
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code>`
    + `<Message>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Message></Error><RequestId>local</RequestId></ErrorResponse>`;
}
