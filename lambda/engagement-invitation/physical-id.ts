// The physical id of an invitation: its ARN and a fingerprint of the request it was sent with,
// `<invitation ARN>#<fingerprint>`. CloudFormation hands the physical id back with every later event, so the
// handler knows what the invitation it stands for already holds without asking the service: an Update whose
// target is that content (a rollback to it, or a change of ApiRegion/ServiceTimeout only) has nothing to send.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { INVITATION_ARN_PATTERN } from '../../lib/invitation-arn';

const SEPARATOR = '#';
const FINGERPRINT = /^[0-9a-f]{32}$/;

/** What a physical id says: the resource's ARN, its id, and the fingerprint of what it was created with. */
export interface InvitationPhysicalId {
  readonly arn: string;
  readonly id: string;
  /** Absent in a bare-ARN physical id (written by earlier versions of this handler). */
  readonly fingerprint?: string;
}

/** 128 bits of SHA-256 over the request in canonical JSON (key order does not count). */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex').slice(0, 32);
}

export function formatPhysicalId(arn: string, fingerprint: string): string {
  return `${arn}${SEPARATOR}${fingerprint}`;
}

/** The invitation a physical id stands for, or undefined for a marker or anything else. */
export function parsePhysicalId(physicalId: string | undefined): InvitationPhysicalId | undefined {
  return parseWith(INVITATION_ARN_PATTERN, physicalId);
}

/** An engagement's ARN (the model only says `^arn:.*`): group 1 is its id. */
const ENGAGEMENT_ARN_PATTERN = /^arn:[\w-]+:partnercentral:[^#\s]*\/(eng-[0-9a-z]{14})$/;

/** The engagement a physical id stands for (same format: `<ARN>#<fingerprint>`), or undefined. */
export function parseEngagementPhysicalId(physicalId: string | undefined): InvitationPhysicalId | undefined {
  return parseWith(ENGAGEMENT_ARN_PATTERN, physicalId);
}

function parseWith(arnPattern: RegExp, physicalId: string | undefined): InvitationPhysicalId | undefined {
  if (typeof physicalId !== 'string') return undefined;
  const [arn, fingerprint, ...rest] = physicalId.split(SEPARATOR);
  const match = arnPattern.exec(arn);
  if (!match || rest.length > 0) return undefined;
  if (fingerprint === undefined) return { arn, id: match[1] };
  return FINGERPRINT.test(fingerprint) ? { arn, id: match[1], fingerprint } : undefined;
}
