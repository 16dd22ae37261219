// How a failed AWS call is told to CloudFormation: the FAILED reason, from the error's name, message and fields,
// with every sensitive value of the request replaced (redaction.ts).
import { redact } from './redaction';

interface ServiceErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly ErrorList?: ReadonlyArray<{ FieldName?: string; Code?: string }>;
  readonly $metadata?: { readonly attempts?: unknown };
}

/**
 * `ErrorName: message [fields: A (CODE), B (CODE)] (after N attempts)`, the FAILED reason CloudFormation shows.
 * `request`: what was sent, whose sensitive values are taken out of the service's text.
 */
export function describeError(error: unknown, request?: unknown): { name: string; reason: string } {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ServiceErrorShape;
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  const message = typeof e.message === 'string' && e.message ? redact(e.message, request) : 'no message';
  const fields = (e.ErrorList ?? [])
    .map((item) => `${item.FieldName ? redact(item.FieldName, request) : '(request)'}${item.Code ? ` (${item.Code})` : ''}`);
  const attempts = typeof e.$metadata?.attempts === 'number' && e.$metadata.attempts > 1 ? ` (after ${e.$metadata.attempts} attempts)` : '';
  return { name, reason: `${name}: ${message}${fields.length ? ` [fields: ${fields.join(', ')}]` : ''}${attempts}` };
}
