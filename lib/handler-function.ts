// The one Lambda function (with its role and log group) that serves every EngagementInvitation of a stack.
import * as path from 'node:path';
import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * The handler bundle, built by `npx projen bundle` when the library is built and shipped in the package.
 * lib/ (sources, for ts-node and jest) and build/ (compiled) are both one level below the package root.
 */
export const HANDLER_ASSET_PATH = path.join(__dirname, '..', 'assets', 'engagement-invitation-handler');

/**
 * Fixed forever: the custom resources' ServiceToken points at this function, and CloudFormation refuses to change
 * a custom resource's ServiceToken. Renaming it would strand every deployed invitation.
 */
const SINGLETON_ID = 'PartnerCentralInvitationHandler8f3b2c1e';

/** The function's timeout; the handler answers FAILED 5 s before it. */
const HANDLER_TIMEOUT = Duration.seconds(60);

/** Per-stack singleton: `EngagementInvitationHandler.of(scope)` returns the stack's instance, creating it once. */
export class EngagementInvitationHandler extends Construct {
  public static of(scope: Construct): EngagementInvitationHandler {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(SINGLETON_ID);
    return existing instanceof EngagementInvitationHandler ? existing : new EngagementInvitationHandler(stack, SINGLETON_ID);
  }

  public readonly function: lambda.Function;
  private readonly catalogs = new Set<string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'LogGroup', { retention: logs.RetentionDays.ONE_MONTH });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Sends Partner Central engagement invitations for this stack',
      inlinePolicies: {
        // One inline policy for the whole stack, whatever the number of invitations.
        PartnerCentralInvitations: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['partnercentral:CreateEngagementInvitation'],
              // The action's resource is the invitation, which does not exist before the call; AWS's managed
              // policies grant it on * and narrow it by catalog, as here.
              resources: ['*'],
              conditions: {
                StringEquals: { 'partnercentral:Catalog': Lazy.list({ produce: () => [...this.catalogs].sort() }) },
              },
            }),
            new iam.PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [logGroup.logGroupArn],
            }),
          ],
        }),
      },
    });

    this.function = new lambda.Function(this, 'Function', {
      description: 'Custom::PartnerCentralEngagementInvitation handler (cdk-engagement-invitation)',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(HANDLER_ASSET_PATH),
      memorySize: 128,
      timeout: HANDLER_TIMEOUT,
      role,
      logGroup,
    });
  }

  /** Lets the function create invitations in `catalog` (the IAM condition lists every catalog the stack uses). */
  public allowCatalog(catalog: string): void {
    this.catalogs.add(catalog);
  }
}
