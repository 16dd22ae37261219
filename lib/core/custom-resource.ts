// The one way both constructs (EngagementInvitation, Engagement) become a custom resource: their request checked
// before anything joins the construct tree, then the resource, served by the stack's one handler function, with the
// request in the API's own shape as its properties and the contract's attributes read back.
import { Annotations, CfnResource, CustomResource, Duration, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PartnerCentralCallOptions } from './call-options';
import {
  API_REGION_PROPERTY, ARN_ATTRIBUTE, ASSUME_ROLE_ARN_PROPERTY, DEFAULT_SERVICE_TIMEOUT_SECONDS, ID_ATTRIBUTE,
} from './contract';
import { PartnerCentralHandler } from './partner-central-handler';
import { sendOptionProblems } from './send-options';
import { capitalisationTwins, pickWireRequest } from './wire-request';
import { StructureRule } from '../rules/rule-types';
import { formatViolation, invalidInputError, propsProblems, validate } from '../rules/validation';

/** What a construct's props are checked against. */
export interface RequestCheck<Request> {
  /** What is rejected, in the error: the construct's class name. */
  readonly subject: string;
  /** The request's rule table. */
  readonly rules: StructureRule;
  /** The request's members, as the contract names them. */
  readonly properties: ReadonlyArray<keyof Request & string>;
  /** Problems beyond the table's, which checks each member on its own. */
  readonly moreProblems?: (request: Request) => string[];
}

/** The acknowledgeable warning on a value outside an enum of this library's copy of the model. */
export const VALUE_NOT_IN_MODEL_WARNING = 'cdk-engagement-invitation:valueNotInModel';

/** A request that passed its checks, and what it is warned about (values outside an open enum). */
export interface CheckedRequest<Request> {
  readonly request: Request;
  readonly advisories: readonly string[];
}

/**
 * The request `props` make, in the API's shape. Every problem of the props (the table's, then `moreProblems`, then
 * the send options') is thrown as one error naming the construct: called before `super`, so that rejected props leave
 * nothing half-created behind. Advisories are returned, for addPartnerCentralResource to put on the construct.
 */
export function checkedRequest<Request>(
  scope: Construct, id: string, props: PartnerCentralCallOptions, check: RequestCheck<Request>,
): CheckedRequest<Request> {
  const notAnObject = propsProblems(props, check.rules);
  if (notAnObject.length > 0) throw invalidInputError(scope, id, check.subject, notAnObject);
  const twins = capitalisationTwins(props, check.properties);
  if (twins.length > 0) throw invalidInputError(scope, id, check.subject, twins);
  const request = pickWireRequest<Request>(props, check.properties);
  const violations = validate(check.rules, request, { isUnresolved: Token.isUnresolved });
  const problems = [
    ...violations.filter((violation) => !violation.advisory).map((violation) => formatViolation(violation)),
    ...check.moreProblems?.(request) ?? [],
    ...sendOptionProblems(props, scope),
  ];
  if (problems.length > 0) throw invalidInputError(scope, id, check.subject, problems);
  return { request, advisories: violations.filter((violation) => violation.advisory).map((violation) => formatViolation(violation)) };
}

export interface PartnerCentralResourceProps {
  readonly resourceType: string;
  /** The API's own request shape (minus ClientToken), so the template shows exactly what will be sent. */
  readonly request: object;
  readonly options: PartnerCentralCallOptions;
  /** Properties beyond the request and the send options (AllowReplacement). */
  readonly moreProperties?: Record<string, string>;
  /** Grants the handler's own role what the resource needs, for a resource it sends as itself (no assumeRoleArn). */
  readonly grantOwnRole: (handler: PartnerCentralHandler) => void;
  /** Whether the resource waits in the stack's creation chains (Partner Central's write quota). */
  readonly chained?: boolean;
  /** Warnings from the request's check (checkedRequest), put on `scope`. */
  readonly advisories?: readonly string[];
}

/** The custom resource, as the constructs use it: its handler and its attributes. */
export interface PartnerCentralResource {
  readonly handler: PartnerCentralHandler;
  /** Fn::GetAtt of the contract's ARN attribute. */
  readonly arn: string;
  /** Fn::GetAtt of the contract's id attribute. */
  readonly id: string;
}

/** The custom resource `Resource` below `scope`, served by the stack's handler function. */
export function addPartnerCentralResource(scope: Construct, props: PartnerCentralResourceProps): PartnerCentralResource {
  const { options } = props;
  for (const advisory of props.advisories ?? []) Annotations.of(scope).addWarningV2(VALUE_NOT_IN_MODEL_WARNING, advisory);
  const handler = PartnerCentralHandler.of(scope);
  if (options.assumeRoleArn !== undefined) handler.allowAssumeRole(options.assumeRoleArn);
  else props.grantOwnRole(handler);

  const serviceTimeout = options.serviceTimeout ?? Duration.seconds(DEFAULT_SERVICE_TIMEOUT_SECONDS);
  const resource = new CustomResource(scope, 'Resource', {
    resourceType: props.resourceType,
    serviceToken: handler.function.functionArn,
    serviceTimeout,
    properties: {
      ...props.request,
      ...(options.apiRegion !== undefined ? { [API_REGION_PROPERTY]: options.apiRegion } : {}),
      ...(options.assumeRoleArn !== undefined ? { [ASSUME_ROLE_ARN_PROPERTY]: options.assumeRoleArn } : {}),
      ...props.moreProperties,
    },
  });
  // CustomResource writes DeletionPolicy and UpdateReplacePolicy `Delete`, which are CloudFormation's defaults
  // ("DeletionPolicy attribute", "UpdateReplacePolicy attribute" in the CloudFormation User Guide): they change
  // nothing, and cost about 60 bytes per resource in the template.
  const cfnResource = resource.node.defaultChild as CfnResource;
  cfnResource.cfnOptions.deletionPolicy = undefined;
  cfnResource.cfnOptions.updateReplacePolicy = undefined;
  // One behind another in its creation chain waits for the function's EventInvokeConfig through the chain.
  const waitsForServed = props.chained ? handler.chainInvitation(cfnResource) : false;
  handler.serve(cfnResource, serviceTimeout, waitsForServed);
  return { handler, arn: resource.getAttString(ARN_ATTRIBUTE), id: resource.getAttString(ID_ATTRIBUTE) };
}
