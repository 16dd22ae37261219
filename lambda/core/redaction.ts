// Keeps customer values out of what the handler reports. The service's error messages may quote a request value (a
// contact's e-mail, a company name); a FAILED reason lands in stack events, `cdk deploy` output and CI logs. Every
// value of a member the model marks @sensitive is replaced by `<Member>` in the text before it is reported.
import { SENSITIVE_MEMBER_NAMES } from '../../lib/core/contract';

const SENSITIVE = new Set(SENSITIVE_MEMBER_NAMES);

/** The values to hide, each with the member name that replaces it, longest first (so a value inside another goes
 * after it). Values under a sensitive member are collected whatever their depth (a list of strings, say). */
export function sensitiveValues(request: unknown): Array<[string, string]> {
  const found = new Map<string, string>();
  const visit = (value: unknown, member: string | undefined) => {
    if (typeof value === 'string') {
      if (member && value.trim()) found.set(value, member);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, member);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) visit(child, SENSITIVE.has(key) ? key : member);
    }
  };
  visit(request, undefined);
  return [...found].sort(([a], [b]) => b.length - a.length);
}

/** `text` with every sensitive value of `request` replaced, also in its JSON-escaped form and in any case. Values of
 * one or two characters (a country code) are replaced only as whole words in their own case, so that "US" takes
 * neither "USD" nor "us". */
export function redact(text: string, request: unknown): string {
  let result = text;
  for (const [value, member] of sensitiveValues(request)) {
    const forms = new Set([value, JSON.stringify(value).slice(1, -1)]);
    for (const form of forms) {
      const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const short = form.length <= 2;
      const pattern = short ? `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])` : escaped;
      result = result.replace(new RegExp(pattern, short ? 'g' : 'gi'), `<${member}>`);
    }
  }
  return result;
}
