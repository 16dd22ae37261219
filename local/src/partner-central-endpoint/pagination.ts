// Pages of a List operation's answer. The model documents NextToken only as "the token for the next set of results"
// from a previous call: opaque to the caller. Here it names the last item of the page, so the next page continues
// after that item even when items were added in between (an offset would repeat or skip items then).
import { validationException } from './service-error';

export interface Page<T> {
  readonly items: T[];
  /** Absent on the last page (ListEngagementsResponse.NextToken: "null if there are no more results"). */
  readonly nextToken?: string;
}

/**
 * At most `pageSize` items of `ordered` (the listing, filtered and in the answer's order) after the item `nextToken`
 * names. A token this listing did not hand out (another listing's, or changed filters) is a ValidationException.
 */
export function page<T extends { readonly Id: string }>(ordered: readonly T[], pageSize: number, nextToken: string | undefined): Page<T> {
  let start = 0;
  if (nextToken !== undefined) {
    const after = decode(nextToken);
    const index = after === undefined ? -1 : ordered.findIndex((item) => item.Id === after);
    if (index < 0) {
      throw validationException('REQUEST_VALIDATION_FAILED', [{
        FieldName: 'NextToken', Message: 'The token does not continue this listing: pass the previous answer\'s NextToken with the same filters', Code: 'INVALID_VALUE',
      }]);
    }
    start = index + 1;
  }
  const items = ordered.slice(start, start + pageSize);
  const more = start + pageSize < ordered.length;
  return { items, ...(more ? { nextToken: encode(items[items.length - 1].Id) } : {}) };
}

function encode(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

function decode(token: string): string | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof value?.after === 'string' ? value.after : undefined;
  } catch {
    return undefined;
  }
}
