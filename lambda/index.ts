// Lambda entry point of Custom::PartnerCentralEngagementInvitation and Custom::PartnerCentralEngagement (one function
// per stack serves both): one invocation per CloudFormation event. It runs the lifecycle of the event's resource type
// under a deadline, answers CloudFormation itself, and logs one line per event.
import { responseBody, sendResponse } from './core/cfn-response';
import { physicalIdOnFailure } from './core/outcomes';
import { CustomResourceEvent, LambdaContext, Outcome, ReadCounts, TimeBudget } from './core/types';
import { runEngagementLifecycle } from './engagement/lifecycle';
import { runInvitationLifecycle } from './engagement-invitation/lifecycle';
import {
  ENGAGEMENT_CREATE_FAILED_MARKER, ENGAGEMENT_RESOURCE_TYPE, INVITATION_CREATE_FAILED_MARKER, INVITATION_RESOURCE_TYPE,
} from '../lib/core/contract';

interface ResourceLifecycle {
  readonly run: (event: CustomResourceEvent, budget: TimeBudget) => Promise<Outcome>;
  /** The physical id of a Create that failed before the lifecycle answered (timeout, bug). */
  readonly createFailedMarker: string;
}

const INVITATION: ResourceLifecycle = { run: runInvitationLifecycle, createFailedMarker: INVITATION_CREATE_FAILED_MARKER };
const ENGAGEMENT: ResourceLifecycle = { run: runEngagementLifecycle, createFailedMarker: ENGAGEMENT_CREATE_FAILED_MARKER };

/** The lifecycle of each resource type; an event of any other type is taken for an invitation's, as it always was. */
const LIFECYCLES: ReadonlyMap<unknown, ResourceLifecycle> = new Map([
  [INVITATION_RESOURCE_TYPE, INVITATION],
  [ENGAGEMENT_RESOURCE_TYPE, ENGAGEMENT],
]);

/** Time kept back from the Lambda timeout to answer FAILED (and deliver it) before Lambda stops the function. */
export const DEADLINE_MARGIN_MS = 5_000;

export async function handler(event: CustomResourceEvent, context: LambdaContext): Promise<void> {
  const started = Date.now();
  const logFields = {
    requestType: typeof event?.RequestType === 'string' ? event.RequestType : undefined,
    logicalResourceId: typeof event?.LogicalResourceId === 'string' ? event.LogicalResourceId : undefined,
    requestId: typeof event?.RequestId === 'string' ? event.RequestId : undefined,
  };
  if (typeof event?.ResponseURL !== 'string' || typeof event.RequestId !== 'string' || typeof event.StackId !== 'string') {
    // Without these there is no one to answer: not a CloudFormation event.
    log({ ...logFields, outcome: 'IGNORED', errorName: 'MalformedEvent' });
    return;
  }
  const deadline = started + context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS;
  const counts: ReadCounts = { stackReads: 0, serviceReads: 0 };
  const outcome = await runUntil(deadline, event, counts, started);
  let delivered = true;
  try {
    // Keep ~1 s of the margin: the function must return before Lambda's own timeout.
    await sendResponse(event.ResponseURL, responseBody(event, outcome), { deadline: deadline + DEADLINE_MARGIN_MS - 1_000 });
  } catch {
    delivered = false;
  }
  log({
    ...logFields,
    outcome: outcome.status,
    errorName: outcome.errorName,
    apiCalls: outcome.apiCalls,
    stackReads: counts.stackReads,
    serviceReads: counts.serviceReads,
    ...(outcome.adopted ? { adopted: true } : {}),
    ...(outcome.contextsLeft?.length ? { contextsLeftAsHeld: outcome.contextsLeft } : {}),
    responseDelivered: delivered,
    durationMs: Date.now() - started,
  });
  if (!delivered) {
    // Fail the invocation: Lambda retries a failed asynchronous invocation twice (Lambda developer guide, "Error
    // handling and automatic retries in asynchronous invocation"), and the retry replays the same RequestId, so the
    // same ClientToken: at most the same invitation again, and another chance to answer CloudFormation.
    throw new ResponseNotDeliveredError();
  }
}

/** The message names no URL: the pre-signed ResponseURL is a credential. */
class ResponseNotDeliveredError extends Error {
  public constructor() {
    super('the response to CloudFormation could not be delivered; the invocation fails so that Lambda retries it');
    this.name = 'ResponseNotDelivered';
  }
}

async function runUntil(deadline: number, event: CustomResourceEvent, counts: ReadCounts, startedAt: number): Promise<Outcome> {
  const lifecycle = LIFECYCLES.get(event.ResourceType) ?? INVITATION;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({
        status: 'FAILED',
        physicalResourceId: physicalIdOnFailure(event, lifecycle.createFailedMarker),
        reason: 'Timeout: the AWS calls of this event did not finish in time. What was being sent may still have been '
          + 'created: the next deployment adopts it if Partner Central shows it unchanged, instead of sending it again.',
        errorName: 'Timeout',
        apiCalls: event.RequestType === 'Delete' ? 0 : 1,
      });
    }, Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([lifecycle.run(event, { abortSignal: controller.signal, deadline, counts, startedAt }), timedOut]);
  } catch (error) {
    // The lifecycles answer every service error themselves; this is a bug or a malformed event.
    const name = error instanceof Error ? error.name : 'Error';
    return {
      status: 'FAILED',
      physicalResourceId: physicalIdOnFailure(event, lifecycle.createFailedMarker),
      reason: `${name}: the handler could not process the event`,
      errorName: name,
      apiCalls: 0,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** One JSON line per event, with ids and outcome only: no properties (PII), no ResponseURL. */
function log(fields: Record<string, unknown>): void {
  console.log(JSON.stringify(fields));
}
