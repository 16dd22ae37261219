// The local Partner Central endpoint with a real SDK client, and requests written from the model (not from the
// construct), for the tests of the endpoint's reads and access options.
import {
  CreateEngagementCommandInput,
  CreateEngagementInvitationCommandInput,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import { EndpointOptions, PartnerCentralEndpoint, startPartnerCentralEndpoint } from 'cdk-engagement-invitation-local';

export interface LocalSelling {
  readonly endpoint: PartnerCentralEndpoint;
  readonly client: PartnerCentralSellingClient;
  /** Destroys the client and closes the endpoint. */
  close(): Promise<void>;
}

/** An in-memory endpoint on 127.0.0.1 and a client with fake credentials that tries each call once. */
export async function startLocalSelling(options: EndpointOptions = {}): Promise<LocalSelling> {
  const endpoint = await startPartnerCentralEndpoint({ maxRequests: 500, ...options });
  const client = new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await endpoint.close();
    },
  };
}

/** The error starting an endpoint with `options` throws; one that starts anyway is closed (and undefined returned). */
export async function startError(options: EndpointOptions): Promise<Error | undefined> {
  const started = await startPartnerCentralEndpoint(options).catch((e: Error) => e);
  if (started instanceof Error) return started;
  await started.close();
  return undefined;
}

/** A request the SDK would not send, or whose wire answer a test reads: its body straight onto the wire. */
export async function rawCall(url: string, operation: string, body: object): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSPartnerCentralSelling.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export const INVITATION_MESSAGE = 'Join us on the Acme migration';

/** A CreateEngagementInvitation request with an OpportunityInvitation payload. */
export function opportunityInvitation(token: string, engagementId = 'eng-abcdefghijklmn'): CreateEngagementInvitationCommandInput {
  return {
    Catalog: 'Sandbox',
    ClientToken: token,
    EngagementIdentifier: engagementId,
    Invitation: {
      Message: INVITATION_MESSAGE,
      Receiver: { Account: { AwsAccountId: '111122223333', Alias: 'Partner A' } },
      Payload: {
        OpportunityInvitation: {
          Customer: { CompanyName: 'Acme', CountryCode: 'US', Industry: 'Software and Internet', WebsiteUrl: 'https://acme.example' },
          Project: {
            Title: 'Migration',
            BusinessProblem: 'The customer needs to leave its data centre by 2027.',
            TargetCompletionDate: '2027-03-31',
            ExpectedCustomerSpend: [{ Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
          },
          ReceiverResponsibilities: ['Reseller'],
          SenderContacts: [{ Email: 'seller@acme.example', FirstName: 'Ana' }],
        },
      },
    },
  };
}

/** A CreateEngagementInvitation request with a LeadInvitation payload (2026-08 model). */
export function leadInvitation(token: string, engagementId = 'eng-abcdefghijklmn'): CreateEngagementInvitationCommandInput {
  return {
    ...opportunityInvitation(token, engagementId),
    Invitation: {
      Message: INVITATION_MESSAGE,
      Receiver: { Account: { AwsAccountId: '111122223333' } },
      Payload: {
        LeadInvitation: {
          Customer: { CompanyName: 'Example Corp', Industry: 'Retail', CountryCode: 'US' },
          Interaction: { ContactBusinessTitle: 'CTO' },
        },
      } as any,
    },
  };
}

/** A CreateEngagement request with one Lead context whose interaction happened at `interactionDate`. */
export function leadEngagement(token: string, title: string, interactionDate = new Date('2026-11-01T09:30:00Z')): CreateEngagementCommandInput {
  return {
    Catalog: 'Sandbox',
    ClientToken: token,
    Title: title,
    Description: 'Joint engagement for the Acme data platform migration',
    Contexts: [{
      Type: 'Lead',
      Payload: {
        Lead: {
          Customer: { CompanyName: 'Acme', Industry: 'Software and Internet', AwsMaturity: 'Early' },
          Interactions: [{
            SourceType: 'Event',
            SourceId: 'evt-1',
            SourceName: 'Summit',
            CustomerAction: 'Asked for a demo',
            InteractionDate: interactionDate,
            Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lovelace' },
          }],
        },
      },
    }],
  };
}

/** A CustomerProject context payload. */
export const CUSTOMER_PROJECT = {
  CustomerProject: {
    Customer: { Industry: 'Retail', CompanyName: 'Acme', WebsiteUrl: 'https://acme.example', CountryCode: 'US' },
    Project: { Title: 'Data platform', BusinessProblem: 'The warehouse does not scale with the season.', TargetCompletionDate: '2027-03-31' },
  },
} as const;
