// The physical id of an invitation or engagement: its ARN and a fingerprint of the request it was sent with,
// `<ARN>#<fingerprint>`. CloudFormation hands the physical id back with every later event, so the handler knows what
// the resource it stands for already holds without asking the service: an Update whose target is that content (a
// rollback to it, or a change of ApiRegion/ServiceTimeout only) has nothing to send.
//
// The ARN is read whatever its layout: CreateEngagementInvitation answers `arn:aws:partnercentral::<account>:
// <Catalog>/engagement-invitation/<id>`, while the service's EventBridge events name the same invitation
// `arn:aws:partnercentral:<region>::catalog/<Catalog>/engagement-invitation/<id>` (Partner Central developer guide,
// "Notifications for the AWS Partner Central Selling API"), and the model only promises `^arn:.*` for engagements.
// What counts is the id at the end of the ARN and the fingerprint after the last `#`.
import { createHash } from 'node:crypto';
import { ResourceRef } from './types';
import { canonicalJson } from '../../lib/core/canonical-json';

const SEPARATOR = '#';
const FINGERPRINT = /^[0-9a-f]{32}$/;

/** What a physical id says: the resource's ARN, its id, and the fingerprint of what it was created with. */
export interface ResourcePhysicalId extends ResourceRef {
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

/**
 * The parser of the physical ids of one resource type, whose ids match `idPattern` (a pattern of the contract, such
 * as INVITATION_ID): what a physical id stands for, or undefined for a marker or anything else.
 */
export function physicalIdParser(idPattern: string): (physicalId: string | undefined) => ResourcePhysicalId | undefined {
  // Any ARN (no `#`, no whitespace) whose last path segment is an id: group 1 is the id.
  const arnPattern = new RegExp(`^arn:[^#\\s]*\\/(${idPattern})$`);
  return (physicalId) => parse(arnPattern, physicalId);
}

function parse(arnPattern: RegExp, physicalId: string | undefined): ResourcePhysicalId | undefined {
  if (typeof physicalId !== 'string') return undefined;
  const cut = physicalId.lastIndexOf(SEPARATOR);
  const arn = cut < 0 ? physicalId : physicalId.slice(0, cut);
  const fingerprint = cut < 0 ? undefined : physicalId.slice(cut + 1);
  const match = arnPattern.exec(arn);
  if (!match) return undefined;
  if (fingerprint === undefined) return { arn, id: match[1] };
  return FINGERPRINT.test(fingerprint) ? { arn, id: match[1], fingerprint } : undefined;
}
