// The CreateEngagement request an engagement's props make: the contract's EngagementRequest, in the shape the construct
// writes into the resource properties and the handler reads.
import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EngagementProps } from './props';
import { CREATE_ENGAGEMENT_RULES } from './rules';
import { ENGAGEMENT_REQUEST_PROPERTIES, EngagementRequest } from '../core/contract';
import { CheckedRequest, checkedRequest } from '../core/custom-resource';
import { formatPath } from '../rules/validation';

/** The request the props make, and its advisories; throws one error naming every problem of the props. */
export function checkedEngagementRequest(scope: Construct, id: string, props: EngagementProps): CheckedRequest<EngagementRequest> {
  return checkedRequest<EngagementRequest>(scope, id, props, {
    subject: 'Engagement',
    rules: CREATE_ENGAGEMENT_RULES,
    properties: ENGAGEMENT_REQUEST_PROPERTIES,
    moreProblems: (request) => contextTypeProblems(request.Contexts),
  });
}

/** The payload members the model pairs with a context type of the same name. */
const CONTEXT_PAYLOAD_MEMBERS = { CustomerProject: true, Lead: true } as const;

/**
 * A context's payload member must be the one its type names: "This field is present only when the Type in
 * EngagementContextDetails is set to CustomerProject" (and "… to Lead"; model documentation of
 * EngagementContextPayload's members). Beyond the table, which checks each member on its own.
 */
function contextTypeProblems(contexts: unknown): string[] {
  if (!Array.isArray(contexts)) return [];
  return contexts.flatMap((context, index) => {
    if (typeof context !== 'object' || context === null || Token.isUnresolved(context)) return [];
    const { Type: type, Payload: payload } = context as Record<string, unknown>;
    if (typeof type !== 'string' || Token.isUnresolved(type) || typeof payload !== 'object' || payload === null) return [];
    const members = Object.keys(payload).filter((member) => (payload as Record<string, unknown>)[member] !== undefined);
    if (members.length !== 1 || members[0] === type || !(type in CONTEXT_PAYLOAD_MEMBERS)) return [];
    return [`${formatPath(['Contexts', index, 'Payload', members[0]])}: a ${type} context carries ${formatPath([type])}, `
      + `not ${formatPath([members[0]])} (context type)`];
  });
}
