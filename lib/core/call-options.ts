// How the handler calls Partner Central for either resource: the options EngagementInvitationProps and
// EngagementProps share, checked by send-options.ts.
import { Duration } from 'aws-cdk-lib';

/**
 * How the handler calls Partner Central for a resource (an EngagementInvitation or an Engagement), apart from the
 * request itself: the API's region, the account it calls as, and how long CloudFormation waits for the answer.
 */
export interface PartnerCentralCallOptions {
  /**
   * The region of the Partner Central Selling API endpoint the handler calls.
   *
   * @default 'us-east-1' (the only region where the service exists)
   */
  readonly apiRegion?: string;

  /**
   * How long CloudFormation waits for the handler's answer before failing the resource (ServiceTimeout), between
   * 360 and 3600 seconds.
   *
   * The handler answers within its own 60-second timeout; if its answer cannot be delivered, the invocation fails
   * and Lambda runs it twice more, after about 1 and 2 more minutes: its last honest answer arrives within 360
   * seconds, which is the smallest value allowed. Past this time the resource fails, so a handler that cannot answer
   * at all (a crash at start-up, an answer lost on the way) fails the stack in minutes rather than in an hour.
   *
   * @default - 420 seconds: the 360-second worst case plus one minute for the "about" of Lambda's delays
   */
  readonly serviceTimeout?: Duration;

  /**
   * A role to call Partner Central as, for a Partner Central-linked account other than the stack's. The handler calls
   * STS AssumeRole on it (session name `cfn-<stack name>`, so CloudTrail in that account shows which stack sent the
   * request) and calls Partner Central with the role's credentials. The handler's own role is then granted only
   * `sts:AssumeRole` on this role for this resource; the role must trust the stack's account and allow the actions
   * the resource's props list.
   *
   * @default - the handler's own role calls Partner Central (the stack's account is the linked account)
   */
  readonly assumeRoleArn?: string;
}
