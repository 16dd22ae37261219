import { Token } from 'aws-cdk-lib';
import type { EngagementInvitationProps } from './engagement-invitation';

/**
 * The CreateEngagementInvitation request (without ClientToken) from the props: the only camelCase → PascalCase
 * mapping of the library. Props mirror the API member for member, so capitalising each key is the whole mapping;
 * deploy-time tokens are kept as they are.
 */
export function toWireRequest(props: EngagementInvitationProps): Record<string, unknown> {
  return toWire({
    catalog: props.catalog,
    engagementIdentifier: props.engagementIdentifier,
    invitation: props.invitation,
  }) as Record<string, unknown>;
}

function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value !== 'object' || value === null || Token.isUnresolved(value)) return value;
  const wire: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) wire[key.charAt(0).toUpperCase() + key.slice(1)] = toWire(member);
  }
  return wire;
}

/** The reverse mapping, for input already in the API's shape (CLI JSON): each key's first letter lowercased. */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (typeof value !== 'object' || value === null) return value;
  const props: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) props[key.charAt(0).toLowerCase() + key.slice(1)] = fromWire(member);
  return props;
}
