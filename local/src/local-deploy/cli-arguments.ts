// The command line of the package's bin, in the CDK CLI's conventions (`--app`, `-c`, `--output`, `--help`).
import { DEFAULT_CONCURRENCY, InFlightMode } from './deploy-context';
import { LOCAL_BOOTSTRAP_VERSION, parseSsmOption, SsmAssignment } from './local-ssm-parameters';
import { ReceiverFault } from './response-receiver';
import { ParameterAssignment, parseParameterOption } from './stack-parameters';
import { SENDER_INVITATION_READS, SenderInvitationReads } from '../partner-central-endpoint/access';
import { DOCUMENTED_RATES } from '../partner-central-endpoint/quotas';
import { Fault } from '../partner-central-endpoint/server';

export const ENDPOINT_FAULTS: Fault[] = ['throttle', 'internal', 'quota', 'drop', 'hang'];
const RECEIVER_FAULTS: ReceiverFault[] = ['lost'];
const FAULTS: string[] = [...ENDPOINT_FAULTS, ...RECEIVER_FAULTS];

const IN_FLIGHT_MODES: InFlightMode[] = ['wait', 'cancel'];

export const USAGE = `usage: cdk-engagement-invitation-local <deploy|destroy> [stack ...] [options]
  -a, --app <dir|command>   a synthesized cloud assembly (a directory with manifest.json), or the command that
                            synthesizes the app (default: cdk.json's "app" in the working directory, run after its
                            "build", as the CDK CLI does)
  -c, --context key=value   CDK context for the synth (e.g. -c message="New text"); repeatable
  -o, --output <dir>        where the synthesized app writes its cloud assembly (default: cdk.json's "output", or
                            cdk.out)
  --state-dir <dir>         where deployed stacks and the local account live (default: .local)
  --parameters [Stack:]Name=Value
                            a template parameter's value; repeatable. Without Stack: every selected stack, as cdk deploy
                            passes it (a selected stack without that parameter is refused, as CloudFormation would). A
                            parameter takes the value given, else its value of the stack's last successful deployment
                            (as cdk deploy), else its Default. Its Type, AllowedValues, AllowedPattern, Min/MaxLength
                            and Min/MaxValue are checked. AWS-specific types (AWS::EC2::KeyPair::KeyName…) are refused:
                            CloudFormation checks those values against the resources of the account
  --no-previous-parameters  a parameter given no value takes its Default, not its last deployment's value
  --ssm /name[:version]=value
                            a Systems Manager parameter of the local account; repeatable. AWS::SSM::Parameter::Value<…>
                            parameters and {{resolve:ssm:/name}} read the value given without a version,
                            {{resolve:ssm:/name:3}} only the value given for version 3. The account counts as
                            bootstrapped: /cdk-bootstrap/<qualifier>/version is ${LOCAL_BOOTSTRAP_VERSION} unless given
                            Before anything of any selected stack is created, every parameter must have a valid value,
                            every dynamic reference a value and every Rules assertion hold, or nothing is deployed.
                            {{resolve:ssm-secure:…}} and {{resolve:secretsmanager:…}} are refused: CloudFormation does
                            not resolve them in custom resources, and the local account holds no secure values
  --fault <fault>=<n>       inject n faults; repeatable. Partner Central answers its next n calls with
                            ${ENDPOINT_FAULTS.join(', ')}; lost: the next n answers (ResponseURL PUTs) get 200 but
                            never reach CloudFormation, which fails the resource after its ServiceTimeout
  --fail-resource <id>      the resource with this logical id fails when it is created or updated; repeatable. A
                            failed creation leaves the stack in ROLLBACK_COMPLETE; the next deploy deletes it and
                            creates it afresh with a new stack id, as the CDK CLI does. A failed update leaves it in
                            UPDATE_ROLLBACK_COMPLETE; the next deploy updates it again. Every deploy is a new
                            operation: new RequestIds
  --in-flight <wait|cancel> what happens to custom resources still in progress when another resource fails:
                            not documented whether CloudFormation waits for them (stack events users have shared show
                            them cancelled). wait (default): they finish, then the rollback starts. cancel: each is
                            reported CREATE_FAILED "Resource creation cancelled" / UPDATE_FAILED "Resource update
                            cancelled", the stack moves to its rollback status at once (DescribeStacks shows it while
                            the function still runs), and the answer that still comes is ignored:
                            not documented whether CloudFormation records it. The rollback deletes nothing for a
                            cancelled Create (no physical id recorded: DELETE_SKIPPED) and sends a cancelled Update the
                            Update back to its pre-update physical id. The invocation is awaited at the end of the run
  --timeout-scale <x>       real seconds per CloudFormation second, for ServiceTimeout waits and Lambda's retry
                            delays (default 1, as in AWS; 0.01 waits 4.2 s for a 420 s ServiceTimeout)
  --duplicate-delivery      every event is delivered twice, same RequestId (Lambda's at-least-once delivery)
  --redeliver-late          after each stack operation finished, every custom resource event it sent (same RequestId,
                            same body) is delivered once more, as Lambda's at-least-once delivery may do late (it
                            retries a throttled event for up to 6 hours, or the function's MaximumEventAgeInSeconds;
                            an older event is discarded). CloudFormation no longer listens: each answer is printed
                            ("late delivery of <LogicalId> <RequestType>: …") and ignored
  --rollback-update-after-replacement
                            a rollback also sends the old physical id of a replaced custom resource an Update back
                            (not documented whether CloudFormation does)
  --concurrency <n>         resources of a stack created or updated at the same time, where no dependency orders
                            them, as CloudFormation does (default ${DEFAULT_CONCURRENCY})
  --invitation-rate <r>     write requests per second the Partner Central endpoint admits (default 1, the service's
                            documented write quota); --invitation-burst <n>: how many at once (default 1)
  --no-quotas               the endpoint enforces no quota
  --sender-invitation-reads <content|summary|denied>
                            what GetEngagementInvitation answers the account that sent the invitation (not documented):
                            content (default) the whole invitation, summary without its message and payload, denied
                            AccessDeniedException. The handler adopts an identical invitation only when it can read it
  --deny-operation <op>     Partner Central answers AccessDeniedException to <op> (e.g. ListEngagementInvitations), as
                            for a role without that permission; repeatable
  --list-lag <ms>           ListEngagements and ListEngagementInvitations leave out what was created less than <ms> ago
                            (not documented whether the service's lists show a create at once; default 0)
  --competing-writer <r>    while the stacks deploy, another writer of the same account (a CRM integration) sends
                            CreateEngagementInvitation at r requests/s on average, through the AWS SDK with its standard
                            retries (3 attempts), to an engagement of its own; the run reports how many got through.
                            It shares the write quota (and --fault's faults) with the deploy
  -h, --help                this text
rollback scenarios, after a first deploy (the last line counts requests and invitations):
  deploy -c message="New text" --fault quota=1                      the changed invitation is refused
  deploy -c message="New text" --fault lost=1 --timeout-scale 0.01  its answer is lost: failed after ServiceTimeout
  deploy -c message="New text" --fail-resource <LogicalId>          another resource fails: the stack rolls back
  deploy ... --fail-resource <LogicalId> --in-flight cancel         and what was in progress is cancelled`;

/** Thrown for -h/--help: the caller prints the usage and exits 0. */
export class UsageRequested extends Error {
  public constructor() {
    super(USAGE);
    this.name = 'UsageRequested';
  }
}

export interface CliOptions {
  readonly command: 'deploy' | 'destroy';
  readonly stacks: string[];
  readonly context: string[];
  readonly app?: string;
  readonly output?: string;
  readonly stateDir: string;
  /** Partner Central endpoint faults. */
  readonly faults: Array<[Fault, number]>;
  readonly receiverFaults: Array<[ReceiverFault, number]>;
  readonly failResources: string[];
  readonly timeoutScale: number;
  readonly duplicateDelivery: boolean;
  readonly redeliverLate: boolean;
  readonly inFlight: InFlightMode;
  readonly rollbackUpdateAfterReplacement: boolean;
  readonly concurrency: number;
  /** The quotas the Partner Central endpoint enforces, or false for none. */
  readonly quotas: { readonly invitationRate: number; readonly invitationBurst: number } | false;
  /** The endpoint's answers where the service's behaviour is not documented, and its denials. */
  readonly senderInvitationReads: SenderInvitationReads;
  readonly deniedOperations: string[];
  readonly listLagMs: number;
  /** Requests per second of another writer of the account during the deploy, or undefined for none. */
  readonly competingWriter?: number;
  /** --parameters, in the order given (a later value for the same stack and name wins). */
  readonly parameters: ParameterAssignment[];
  /** The local account's Systems Manager parameters (--ssm). */
  readonly ssm: SsmAssignment[];
  /** false with --no-previous-parameters. */
  readonly usePreviousParameters: boolean;
}

export function parseArguments(argv: string[]): CliOptions {
  if (argv.includes('-h') || argv.includes('--help')) throw new UsageRequested();
  const [command, ...rest] = argv;
  if (command !== 'deploy' && command !== 'destroy') throw new Error(USAGE);
  const options = {
    command: command as CliOptions['command'],
    stacks: [] as string[],
    context: [] as string[],
    app: undefined as string | undefined,
    output: undefined as string | undefined,
    stateDir: '.local',
    faults: [] as Array<[Fault, number]>,
    receiverFaults: [] as Array<[ReceiverFault, number]>,
    failResources: [] as string[],
    timeoutScale: 1,
    duplicateDelivery: false,
    redeliverLate: false,
    inFlight: 'wait' as InFlightMode,
    rollbackUpdateAfterReplacement: false,
    concurrency: DEFAULT_CONCURRENCY,
    quotas: { invitationRate: DOCUMENTED_RATES.write, invitationBurst: 1 } as CliOptions['quotas'],
    senderInvitationReads: 'content' as SenderInvitationReads,
    deniedOperations: [] as string[],
    listLagMs: 0,
    competingWriter: undefined as number | undefined,
    parameters: [] as ParameterAssignment[],
    ssm: [] as SsmAssignment[],
    usePreviousParameters: true,
  };
  const positive = (arg: string, text: string, integer: boolean) => {
    if (!(integer ? /^[1-9]\d*$/ : /^(\d+(\.\d+)?)$/).test(text) || Number(text) <= 0) {
      throw new Error(`${arg} ${text}: expected a positive ${integer ? 'integer' : 'number'}`);
    }
    return Number(text);
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      if (i + 1 >= rest.length) throw new Error(`${arg} needs a value\n${USAGE}`);
      return rest[++i];
    };
    if (arg === '-c' || arg === '--context') {
      const pair = value();
      if (!/^[^=]+=/.test(pair)) throw new Error(`${arg} ${pair}: expected key=value`);
      options.context.push(pair);
    } else if (arg === '--app' || arg === '-a') {
      options.app = value();
    } else if (arg === '--output' || arg === '-o') {
      options.output = value();
    } else if (arg === '--state-dir') {
      options.stateDir = value();
    } else if (arg === '--parameters') {
      options.parameters.push(parseParameterOption(value()));
    } else if (arg === '--no-previous-parameters') {
      options.usePreviousParameters = false;
    } else if (arg === '--ssm') {
      options.ssm.push(parseSsmOption(value()));
    } else if (arg === '--fault') {
      const spec = value();
      const [fault, count] = spec.split('=');
      if (!FAULTS.includes(fault)) throw new Error(`--fault ${spec}: expected one of ${FAULTS.join(', ')} and a count, e.g. --fault ${FAULTS[0]}=2`);
      if (!/^[1-9]\d*$/.test(count ?? '')) throw new Error(`--fault ${spec}: expected ${fault}=<count>, how many faults to inject, e.g. --fault ${fault}=2`);
      if ((RECEIVER_FAULTS as string[]).includes(fault)) options.receiverFaults.push([fault as ReceiverFault, Number(count)]);
      else options.faults.push([fault as Fault, Number(count)]);
    } else if (arg === '--fail-resource') {
      options.failResources.push(value());
    } else if (arg === '--timeout-scale') {
      const scale = value();
      if (!/^\d+(\.\d+)?$/.test(scale)) throw new Error(`--timeout-scale ${scale}: expected a number of seconds per CloudFormation second, e.g. 0.01`);
      options.timeoutScale = Number(scale);
    } else if (arg === '--duplicate-delivery') {
      options.duplicateDelivery = true;
    } else if (arg === '--sender-invitation-reads') {
      const mode = value();
      if (!(SENDER_INVITATION_READS as readonly string[]).includes(mode)) {
        throw new Error(`--sender-invitation-reads ${mode}: expected ${SENDER_INVITATION_READS.join(', ')}`);
      }
      options.senderInvitationReads = mode as SenderInvitationReads;
    } else if (arg === '--deny-operation') {
      options.deniedOperations.push(value());
    } else if (arg === '--competing-writer') {
      options.competingWriter = positive(arg, value(), false);
    } else if (arg === '--list-lag') {
      const ms = value();
      if (!/^\d+$/.test(ms)) throw new Error(`--list-lag ${ms}: expected a number of milliseconds`);
      options.listLagMs = Number(ms);
    } else if (arg === '--redeliver-late') {
      options.redeliverLate = true;
    } else if (arg === '--in-flight') {
      const mode = value();
      if (!(IN_FLIGHT_MODES as string[]).includes(mode)) throw new Error(`--in-flight ${mode}: expected ${IN_FLIGHT_MODES.join(' or ')}`);
      options.inFlight = mode as InFlightMode;
    } else if (arg === '--rollback-update-after-replacement') {
      options.rollbackUpdateAfterReplacement = true;
    } else if (arg === '--concurrency') {
      options.concurrency = positive(arg, value(), true);
    } else if (arg === '--invitation-rate' || arg === '--invitation-burst') {
      const quotas = options.quotas || { invitationRate: DOCUMENTED_RATES.write, invitationBurst: 1 };
      options.quotas = arg === '--invitation-rate'
        ? { ...quotas, invitationRate: positive(arg, value(), false) }
        : { ...quotas, invitationBurst: positive(arg, value(), true) };
    } else if (arg === '--no-quotas') {
      options.quotas = false;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else {
      options.stacks.push(arg);
    }
  }
  if (command === 'destroy' && (options.parameters.length || options.ssm.length || !options.usePreviousParameters)) {
    throw new Error('--parameters, --ssm and --no-previous-parameters apply to deploy: destroy resolves no parameter');
  }
  return options;
}
