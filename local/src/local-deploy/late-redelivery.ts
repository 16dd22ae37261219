// Lambda delivers an asynchronous event at least once and may deliver it again, also late: it keeps retrying a
// throttled event for up to 6 hours, less if the function's asynchronous invocation config sets a maximum event age,
// and discards an event older than that age (AWS Lambda Developer Guide, "Error handling and automatic retries in
// asynchronous invocation"; AWS::Lambda::EventInvokeConfig). CloudFormation invokes a custom resource's function
// asynchronously, so an event may reach the function again after the stack operation that sent it finished.
//
// `--redeliver-late`: after each stack operation (COMPLETE, ROLLBACK_COMPLETE, …), every custom resource event it
// sent is delivered to its function once more: the same body (RequestId, ResponseURL, properties). CloudFormation no
// longer listens: the answer reaches the ResponseURL and is reported, one line per event, but never recorded. An event
// already older than the function's maximum event age (in CloudFormation seconds, see timeoutScale) is discarded, as
// Lambda discards it.
import { deliverEvent } from './custom-resource-invoker';
import { reportResource, StackContext } from './deploy-context';
import { asyncInvokeConfig } from './event-invoke-config';
import { Invocation } from './lambda-runner';
import { ReceivedResponse } from './response-receiver';

export const LATE_DELIVERY = 'LATE_DELIVERY';

/** Delivers every event `ctx`'s operation sent once more, in the order they were sent, and reports each answer. */
export async function redeliverLate(ctx: StackContext): Promise<void> {
  const o = ctx.options;
  const scale = o.timeoutScale ?? 1;
  const resources = [ctx.resources, ctx.previous ?? {}, ...o.states.all().map((s) => s.resources)].flatMap((r) => Object.values(r));
  for (const sent of [...(ctx.sentEvents ?? [])]) {
    const { request, fn } = sent;
    const report = (outcome: string) => reportResource(ctx, request.logicalId, request.resourceType, LATE_DELIVERY, {
      requestId: sent.requestId,
      reason: `late delivery of ${request.logicalId} ${request.requestType}: ${outcome}`,
    });
    const ageSeconds = scale > 0 ? (Date.now() - sent.sentAt) / 1000 / scale : 0;
    const { maximumEventAgeSeconds } = asyncInvokeConfig(fn, resources);
    if (ageSeconds > maximumEventAgeSeconds) {
      report(`discarded by Lambda, the event is ${Math.round(ageSeconds)} s old (MaximumEventAgeInSeconds ${maximumEventAgeSeconds})`);
      continue;
    }
    const earlier = o.receiver.received(sent.responseKey).length;
    const invocation = await deliverEvent(fn, sent.event, sent.requestId, {
      extraEnvironment: o.functionEnvironment,
      logFile: o.states.logFile(fn.functionName),
    }, ' (late delivery)');
    report(describeAnswer(o.receiver.received(sent.responseKey).slice(earlier), invocation));
  }
}

/** What the late delivery answered: `SUCCESS <physical id>`, `FAILED (<error name>)`, or why there is no answer. */
function describeAnswer(answers: readonly ReceivedResponse[], invocation: Invocation): string {
  const [answer] = answers;
  if (!answer) return `no answer (invocation ${invocation.outcome}${invocation.errorMessage ? `: ${invocation.errorMessage}` : ''})`;
  if (!answer.response) return `an answer CloudFormation would refuse (${answer.rejected})`;
  const { Status, PhysicalResourceId, Reason } = answer.response;
  if (Status === 'SUCCESS') return `SUCCESS ${PhysicalResourceId}`;
  // The handlers' reasons start with an error name ("Name: what happened"); other reasons are shown shortened.
  const name = /^([A-Za-z][\w.]*):/.exec(Reason ?? '')?.[1];
  return `FAILED (${name ?? (Reason ?? 'no reason').slice(0, 100)})`;
}
