// The one camelCase → PascalCase mapping of the library, between the constructs' props and the API's request shape
// (the contract's request types), and back for input already in the API's shape (CLI JSON).
import { Token } from 'aws-cdk-lib';

/**
 * The request members named by `properties` (the contract's PascalCase names, e.g. INVITATION_REQUEST_PROPERTIES)
 * taken from camelCase props, in the API's shape. Members the props leave out are left out.
 */
export function pickWireRequest<Request>(props: object, properties: ReadonlyArray<keyof Request & string>): Request {
  const source = props as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const property of properties) {
    const member = property.charAt(0).toLowerCase() + property.slice(1);
    if (source[member] !== undefined) picked[member] = source[member];
  }
  // Props mirror the API member for member: capitalised, they are the request (values unchecked here: the rule
  // tables check them).
  return toWire(picked) as Request;
}

/**
 * Props mirror the API member for member, so capitalising each key is the whole mapping; deploy-time tokens are kept
 * as they are.
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

/**
 * Keys that would become the same request member (`message` and `Message`: only the first letter's case differs),
 * under the request members named by `properties`. One would silently override the other: each pair is a problem,
 * `<path>: is also given as <twin> (…)`.
 */
export function capitalisationTwins(props: object, properties: readonly string[]): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${path}[${index}]`));
    if (typeof value !== 'object' || value === null || Token.isUnresolved(value)) return;
    const seen = new Map<string, string>();
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined) continue;
      const wire = key.charAt(0).toUpperCase() + key.slice(1);
      const twin = seen.get(wire);
      const at = path ? `${path}.${key}` : key;
      if (twin !== undefined) {
        problems.push(`${at}: is also given as ${path ? `${path}.${twin}` : twin}; keys that differ only in the case of their `
          + 'first letter are the same request member, and one would override the other (duplicate member)');
      }
      seen.set(wire, key);
      visit(member, at);
    }
  };
  const source = props as Record<string, unknown>;
  const picked = Object.fromEntries(Object.keys(source)
    .filter((key) => properties.includes(key.charAt(0).toUpperCase() + key.slice(1)) && source[key] !== undefined)
    .map((key) => [key, source[key]]));
  visit(picked, '');
  return problems;
}
