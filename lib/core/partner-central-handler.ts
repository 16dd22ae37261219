// The one Lambda function (with its role and log group) that serves every EngagementInvitation and Engagement of a
// stack: the ServiceToken of both resource types.
import * as path from 'node:path';
import { CfnResource, Duration, Lazy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  CHAIN_HEADS_ENV, chainHeadKey, HANDLER_TIMEOUT_SECONDS, INVITATION_RESOURCE_TYPE, INVITATIONS_IN_FLIGHT_ENV, PLANNED_WRITE_RATE_ENV,
  SERVICE_TIMEOUT_MAX_SECONDS,
} from './contract';
import { CreationChains, maxConcurrentInvitations } from './creation-chains';
import { sameContentKey } from './same-content';
import { chainsAtRate, maxWriteRate } from './write-rate';

/**
 * The handler bundle, built by `npx projen bundle` when the library is built and shipped in the package.
 * lib/core/ (sources, for ts-node and jest) and build/core/ (compiled) are both two levels below the package root.
 */
export const HANDLER_ASSET_PATH = path.join(__dirname, '..', '..', 'assets', 'engagement-invitation-handler');

/**
 * Fixed forever: the custom resources' ServiceToken points at this function, and CloudFormation refuses to change
 * a custom resource's ServiceToken ("Modifying service token is not allowed."; AWS::CloudFormation::CustomResource
 * reference, aws/aws-cdk #25938). Renaming it would strand every deployed invitation and engagement.
 */
const SINGLETON_ID = 'PartnerCentralInvitationHandler8f3b2c1e';

/**
 * What the function, its role and its policy were first named, for invitations only. Kept as they are: renaming them
 * changes nothing they do, and would update the role and the function of every deployed stack.
 */
const ROLE_DESCRIPTION = 'Sends Partner Central engagement invitations for this stack';
const POLICY_NAME = 'PartnerCentralInvitations';
const FUNCTION_DESCRIPTION = `${INVITATION_RESOURCE_TYPE} handler (cdk-engagement-invitation)`;

/** Per-stack singleton: `PartnerCentralHandler.of(scope)` returns the stack's instance, creating it once. */
export class PartnerCentralHandler extends Construct {
  public static of(scope: Construct): PartnerCentralHandler {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(SINGLETON_ID);
    return existing instanceof PartnerCentralHandler ? existing : new PartnerCentralHandler(stack, SINGLETON_ID);
  }

  public readonly function: lambda.Function;
  /** The stack's invitations, in DependsOn chains so that only a few are created at the same time. */
  public readonly creationChains: CreationChains;
  /** The number of chains (undefined: "unlimited") and the write rate the deployment plans for. */
  private readonly chainLimit?: number;
  private readonly writeRate: number;
  private readonly role: iam.Role;
  /** The role's one inline policy: statements are added as the resources served need them. */
  private readonly policy: iam.PolicyDocument;
  private readonly invitationCatalogs = new Set<string>();
  private readonly engagementCatalogs = new Set<string>();
  private resourceStarAcknowledged = false;
  private readonly assumedRoles = new Set<string>();
  private assumeRoleStatement?: iam.PolicyStatement;
  /** The largest ServiceTimeout of the resources served (seconds), for the maximum event age. */
  private maxServiceTimeoutSeconds = 0;
  private readonly eventInvokeConfig: lambda.CfnEventInvokeConfig;
  /** Each invitation's request as it will be sent, by construct path, to refuse two identical ones at synth. */
  private readonly invitationRequests = new Map<string, unknown>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.writeRate = maxWriteRate(this);
    const limit = maxConcurrentInvitations(this);
    this.chainLimit = limit === undefined ? undefined : chainsAtRate(limit, this.writeRate);
    this.creationChains = new CreationChains(this.chainLimit);

    const logGroup = new logs.LogGroup(this, 'LogGroup', { retention: logs.RetentionDays.ONE_MONTH });
    this.policy = new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
        // The one signal that tells a rollback Update from a forward one (the handler's core/stack-status.ts): the
        // status of this stack, the only stack whose resources this function serves.
        new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks'], resources: [Stack.of(this).stackId] }),
      ],
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: ROLE_DESCRIPTION,
      // One inline policy for the whole stack, whatever the number of resources.
      inlinePolicies: { [POLICY_NAME]: this.policy },
    });

    this.function = new lambda.Function(this, 'Function', {
      description: FUNCTION_DESCRIPTION,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(HANDLER_ASSET_PATH),
      memorySize: 128,
      timeout: Duration.seconds(HANDLER_TIMEOUT_SECONDS),
      role: this.role,
      logGroup,
    });

    // Late events send nothing (the handler checks the stack's status too): Lambda retries a throttled asynchronous
    // invocation for up to 6 hours by default, long after CloudFormation stopped waiting (Lambda developer guide,
    // "Error handling and automatic retries in asynchronous invocation"). An event older than the largest
    // ServiceTimeout of the stack is discarded instead; Lambda's two retries of a failed invocation (after about 1 and
    // 2 more minutes) fit in the smallest ServiceTimeout allowed. AWS::Lambda::EventInvokeConfig takes 60-21600 s.
    this.eventInvokeConfig = new lambda.CfnEventInvokeConfig(this, 'EventInvokeConfig', {
      functionName: this.function.functionName,
      qualifier: '$LATEST',
      maximumRetryAttempts: 2,
      maximumEventAgeInSeconds: Lazy.number({ produce: () => Math.min(21_600, Math.max(60, this.maxServiceTimeoutSeconds)) }),
    });
    this.node.addValidation({ validate: () => this.identicalInvitations() });
  }

  /**
   * Adds an invitation to the stack's creation chains; true if it now waits for another. The first one tells the
   * function the plan its writes are paced on (lambda/core/write-pacing.ts), through its environment: a resource
   * property would make CloudFormation update every deployed invitation. With "unlimited" chains there is no plan.
   */
  public chainInvitation(resource: CfnResource): boolean {
    const limit = this.chainLimit;
    if (limit !== undefined && this.creationChains.size === 0) {
      this.function.addEnvironment(INVITATIONS_IN_FLIGHT_ENV, Lazy.string({ produce: () => String(Math.min(limit, this.creationChains.size)) }));
      this.function.addEnvironment(PLANNED_WRITE_RATE_ENV, String(this.writeRate));
      const stack = Stack.of(this);
      this.function.addEnvironment(CHAIN_HEADS_ENV, Lazy.string({
        produce: () => this.creationChains.heads.map((head) => chainHeadKey(stack.resolve(head.logicalId))).join(' '),
      }));
    }
    return this.creationChains.add(resource);
  }

  /**
   * Registers a custom resource this function serves: its ServiceTimeout bounds the age of the events the function
   * runs, and it is created only once that bound is in place. `waitsForServed`: it already depends on another
   * resource this function serves, and so waits for the bound through it (one DependsOn less in the template).
   */
  public serve(resource: CfnResource, serviceTimeout: Duration, waitsForServed = false): void {
    const seconds = serviceTimeout.toSeconds();
    // A ServiceTimeout known only at deploy time may be anything CloudFormation allows.
    this.maxServiceTimeoutSeconds = Math.max(this.maxServiceTimeoutSeconds, Token.isUnresolved(seconds) ? SERVICE_TIMEOUT_MAX_SECONDS : seconds);
    // A resource that already waits for another served one (its creation chain) waits for the config through it.
    if (!waitsForServed) resource.addResourceDependency(this.eventInvokeConfig, 'Lambda discards its events older than the largest ServiceTimeout only once the EventInvokeConfig exists');
  }

  /**
   * Registers the request an invitation will send. Two invitations of one stack that resolve to the same request
   * (the same engagement, receiver, message and payload, literally or through the same references) would be one
   * invitation: the second would adopt the first. That is refused at synth.
   */
  public registerInvitation(constructPath: string, request: unknown, assumeRoleArn?: string): void {
    // The sender counts too: the handler looks only at what the account it sends as already sent.
    this.invitationRequests.set(constructPath, { request, sender: assumeRoleArn ?? null });
  }

  private identicalInvitations(): string[] {
    const byContent = new Map<string, string[]>();
    for (const [constructPath, request] of this.invitationRequests) {
      const key = sameContentKey(Stack.of(this).resolve(request));
      byContent.set(key, [...byContent.get(key) ?? [], constructPath]);
    }
    return [...byContent.values()].filter((paths) => paths.length > 1).map((paths) => `${paths.join(' and ')}: would send `
      + 'identical invitations (same catalog, engagement, receiver, message and payload), which Partner Central holds as one: '
      + 'each deployment adopts an identical invitation it already holds instead of sending it again. Remove one, or make '
      + 'them differ (duplicate invitation)');
  }

  /** Lets the function create invitations in `catalog` (the IAM condition lists every catalog the stack uses). */
  public allowInvitations(catalog: string): void {
    if (this.invitationCatalogs.size === 0) {
      this.policy.addStatements(new iam.PolicyStatement({
        // The reads find an identical invitation the service already holds, so that a redeploy adopts it instead of
        // sending it again: ListEngagementInvitations (the sender's view) and GetEngagementInvitation (its content).
        actions: ['partnercentral:CreateEngagementInvitation', 'partnercentral:ListEngagementInvitations', 'partnercentral:GetEngagementInvitation'],
        // The action's resource is the invitation, which does not exist before the call; AWS's managed policies
        // grant it on * and narrow it by catalog, as here.
        resources: ['*'],
        conditions: { StringEquals: { 'partnercentral:Catalog': Lazy.list({ produce: () => [...this.invitationCatalogs].sort() }) } },
      }));
      this.acknowledgeResourceStar();
    }
    this.invitationCatalogs.add(catalog);
  }

  /**
   * Lets the function create engagements in `catalog`, and read and change their contexts (the IAM condition lists
   * every catalog of the stack's engagements). The action names are the operations' own: each of CreateEngagement,
   * CreateEngagementContext, UpdateEngagementContext, GetEngagement and ListEngagements carries an `aws.iam#iamAction` trait without
   * a `name` in the service model, with the condition key partnercentral:Catalog.
   */
  public allowEngagements(catalog: string): void {
    if (this.engagementCatalogs.size === 0) {
      this.policy.addStatements(new iam.PolicyStatement({
        actions: [
          'partnercentral:CreateEngagement',
          'partnercentral:CreateEngagementContext',
          'partnercentral:UpdateEngagementContext',
          'partnercentral:GetEngagement',
          // Finds an identical engagement the account already created, so that a redeploy adopts it.
          'partnercentral:ListEngagements',
        ],
        // CreateEngagement has no resource to name before the call; the others act on engagements this function
        // created, whose ids are known only at deploy time. Narrowed by catalog, as for invitations.
        resources: ['*'],
        conditions: { StringEquals: { 'partnercentral:Catalog': Lazy.list({ produce: () => [...this.engagementCatalogs].sort() }) } },
      }));
      this.acknowledgeResourceStar();
    }
    this.engagementCatalogs.add(catalog);
  }

  /** cdk-nag's finding on `Resource: *`, acknowledged once for both statements that need it, with the reason. */
  private acknowledgeResourceStar(): void {
    if (this.resourceStarAcknowledged) return;
    this.resourceStarAcknowledged = true;
    // On the role's own CfnRole, not the Role construct: that would also cover a DefaultPolicy below it.
    Validations.of(this.role.node.defaultChild as iam.CfnRole).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'partnercentral:CreateEngagementInvitation has no resource to name before the call (the invitation does not '
        + 'exist yet), nor has partnercentral:CreateEngagement (the engagement does not exist yet, and the context and read '
        + 'actions on it follow from that call); the List and Get reads look for what an earlier deployment already '
        + 'created, among resources known only at deploy time; each grant is narrowed to the stack\'s catalogs by the '
        + 'partnercentral:Catalog condition, as in AWS\'s managed policy AWSPartnerCentralOpportunityManagement.',
    });
  }

  /** Lets the function assume `roleArn` (for resources sent from another account): sts:AssumeRole on it only. */
  public allowAssumeRole(roleArn: string): void {
    // Two tokens for one value (Fn.importValue('X') twice) are different strings: roles are compared by what they
    // resolve to, as JSON (a literal ARN and a token that resolves to it are the same role). A token that cannot be
    // resolved yet (its producer throws) is compared by its own string.
    const key = Token.isUnresolved(roleArn) ? this.resolvedKey(roleArn) : JSON.stringify(roleArn);
    if (this.assumedRoles.has(key)) return;
    if (!this.assumeRoleStatement) {
      this.assumeRoleStatement = new iam.PolicyStatement({ actions: ['sts:AssumeRole'] });
      this.policy.addStatements(this.assumeRoleStatement);
    }
    this.assumeRoleStatement.addResources(roleArn);
    this.assumedRoles.add(key);
  }

  private resolvedKey(token: string): string {
    try {
      return JSON.stringify(Stack.of(this).resolve(token));
    } catch {
      return token;
    }
  }
}
