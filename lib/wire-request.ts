import { Token } from 'aws-cdk-lib';
import type { EngagementInvitationProps } from './engagement-invitation';
import { INVITATION_REQUEST_PROPERTIES } from './handler-contract';

/**
 * The CreateEngagementInvitation request (without ClientToken) from the props.
 */
export function toWireRequest(props: EngagementInvitationProps): Record<string, unknown> {
  return pickWireRequest(props, INVITATION_REQUEST_PROPERTIES);
}

/**
 * The request members named by `properties` (the contract's PascalCase names, e.g. ENGAGEMENT_REQUEST_PROPERTIES)
 * taken from camelCase props, in the API's shape. Members the props leave out are left out.
 */
export function pickWireRequest(props: object, properties: readonly string[]): Record<string, unknown> {
  const source = props as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const property of properties) {
    const member = property.charAt(0).toLowerCase() + property.slice(1);
    if (source[member] !== undefined) picked[member] = source[member];
  }
  return toWire(picked) as Record<string, unknown>;
}

/**
 * The only camelCase → PascalCase mapping of the library. Props mirror the API member for member, so capitalising
 * each key is the whole mapping; deploy-time tokens are kept as they are.
 */
export function toWire(value: unknown): unknown {
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
