// A local STS endpoint on 127.0.0.1 for AssumeRole only, in the service's awsQuery protocol (form-encoded request,
// XML answer), so the handler's cross-account path runs without AWS. Point the SDK at it with AWS_ENDPOINT_URL_STS.
import { createHash } from 'node:crypto';
import { AwsQueryAnswer, awsQueryError, startAwsQueryServer } from '../aws-query-server';

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

const answer = (status: number, xml: string): AwsQueryAnswer => ({ status, xml });

export async function startStsEndpoint(maxRequests = 1_000): Promise<StsEndpoint> {
  const calls: AssumeRoleCall[] = [];
  let refusals = 0;
  const server = await startAwsQueryServer(maxRequests, ({ form, accessKeyId: callerAccessKeyId }) => {
    const roleArn = form.get('RoleArn') ?? '';
    const sessionName = form.get('RoleSessionName') ?? '';
    const durationSeconds = Number(form.get('DurationSeconds') ?? 3600);
    if (form.get('Action') !== 'AssumeRole' || !/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(roleArn) || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      calls.push({ roleArn, sessionName, durationSeconds, callerAccessKeyId, status: 400 });
      return answer(400, errorXml('ValidationError', 'Only AssumeRole with a role ARN and a valid RoleSessionName is supported'));
    }
    if (refusals > 0) {
      refusals -= 1;
      calls.push({ roleArn, sessionName, durationSeconds, callerAccessKeyId, status: 403 });
      return answer(403, errorXml('AccessDenied', `User: ${callerAccessKeyId ?? 'anonymous'} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`));
    }
    const digest = createHash('sha256').update(`${roleArn} ${sessionName} ${calls.length}`).digest('hex').toUpperCase();
    const accessKeyId = `ASIA${digest.slice(0, 16)}`;
    calls.push({ roleArn, sessionName, durationSeconds, callerAccessKeyId, status: 200, accessKeyId });
    const account = roleArn.split(':')[4];
    const roleName = roleArn.split('/').pop();
    const expiration = new Date(Date.now() + durationSeconds * 1000).toISOString();
    return answer(200, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${digest.slice(16, 56)}</SecretAccessKey>
<SessionToken>local-session-${digest.slice(0, 32)}</SessionToken><Expiration>${expiration}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROA${digest.slice(20, 37)}:${sessionName}</AssumedRoleId>
<Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>${digest.slice(0, 8)}-local</RequestId></ResponseMetadata></AssumeRoleResponse>`);
  });
  return {
    url: server.url,
    calls,
    refuseNext: (count) => { refusals += count; },
    close: server.close,
  };
}

function errorXml(code: string, message: string): string {
  return awsQueryError('https://sts.amazonaws.com/doc/2011-06-15/', code, message, 'local');
}
