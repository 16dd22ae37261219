// Resources other than custom resources are not created anywhere: the local deploy records them as CloudFormation
// would name them (physical id, Ref, attributes), so templates that reference them resolve as they would in AWS.
import { createHash, randomInt } from 'node:crypto';

export interface Environment {
  readonly account: string;
  readonly region: string;
}

export interface SimulatedResource {
  readonly physicalId: string;
  readonly attributes: Record<string, unknown>;
}

type Simulation = (name: string, properties: Record<string, any>, env: Environment) => SimulatedResource;

/** The resource types the example app and the construct use. Others get a generated id and no attributes. */
const SIMULATIONS: Record<string, Simulation> = {
  'AWS::IAM::Role': (name, p, env) => ({
    physicalId: p.RoleName ?? name,
    attributes: { Arn: `arn:aws:iam::${env.account}:role${p.Path ?? '/'}${p.RoleName ?? name}`, RoleId: `AROA${stableSuffix(name, 17)}` },
  }),
  'AWS::Lambda::Function': (name, p, env) => ({
    physicalId: p.FunctionName ?? name,
    attributes: { Arn: `arn:aws:lambda:${env.region}:${env.account}:function:${p.FunctionName ?? name}` },
  }),
  'AWS::Logs::LogGroup': (name, p, env) => {
    const logGroupName = p.LogGroupName ?? name;
    return { physicalId: logGroupName, attributes: { Arn: `arn:aws:logs:${env.region}:${env.account}:log-group:${logGroupName}:*` } };
  },
  // Ref of a topic is its ARN (AWS::SNS::Topic reference, "Return values").
  'AWS::SNS::Topic': (name, p, env) => {
    const arn = `arn:aws:sns:${env.region}:${env.account}:${p.TopicName ?? name}`;
    return { physicalId: arn, attributes: { TopicArn: arn, TopicName: p.TopicName ?? name } };
  },
  // Ref of a rule is its name (AWS::Events::Rule reference, "Return values").
  'AWS::Events::Rule': (name, p, env) => ({
    physicalId: p.Name ?? name,
    attributes: { Arn: `arn:aws:events:${env.region}:${env.account}:rule/${p.Name ?? name}` },
  }),
  'AWS::SSM::Parameter': (name, p) => ({
    physicalId: p.Name ?? name,
    attributes: { Type: p.Type, Value: p.Value },
  }),
};

/** What CloudFormation would record for the resource `logicalId` of `stackName` with these properties. */
export function simulateResource(
  stackName: string,
  logicalId: string,
  type: string,
  properties: Record<string, unknown>,
  env: Environment,
  previous?: SimulatedResource,
): SimulatedResource {
  // A generated name is kept across updates, as CloudFormation keeps it unless the resource is replaced.
  const prefix = type === 'AWS::SSM::Parameter' ? `CFN-${logicalId}` : `${stackName}-${logicalId}`;
  const generated = previous?.physicalId ?? `${prefix.slice(0, 51)}-${randomSuffix(12)}`;
  const simulation = SIMULATIONS[type];
  return simulation ? simulation(generated, properties, env) : { physicalId: generated, attributes: {} };
}

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomSuffix(length: number): string {
  return Array.from({ length }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('');
}

/** The same suffix for the same name: an attribute CloudFormation assigns once, at create. */
function stableSuffix(name: string, length: number): string {
  return createHash('sha256').update(name).digest('hex').toUpperCase().slice(0, length);
}
