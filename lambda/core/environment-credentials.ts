// Replaces @aws-sdk/credential-provider-node in the bundle (lambda/bundle.ts): a Lambda function's credentials are
// in its environment, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (Lambda developer guide,
// "Defined runtime environment variables"), so the SDK's default chain (profiles, SSO, web identity, process,
// container and instance metadata) would only add code: about 60 KB of the bundle.
import { fromEnv } from '@aws-sdk/credential-provider-env';

type FromEnvInit = Parameters<typeof fromEnv>[0];

/** The SDK's `defaultProvider`, reduced to the environment. */
export const defaultProvider = (init?: FromEnvInit): ReturnType<typeof fromEnv> => fromEnv(init);
