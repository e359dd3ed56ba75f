/**
 * nextToken paging. A token names the sort key of the last item returned (not an offset), so
 * runs started while a client pages through history neither repeat nor skip items, and it names
 * the listing it belongs to, so a token from another listing is refused.
 */
import { fail } from "./protocol";

interface TokenBody {
  s: string;
  k: string | number;
}

function decode(token: string, scope: string): string | number {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    body = undefined;
  }
  const parsed = body as Partial<TokenBody> | undefined;
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    parsed.s !== scope ||
    (typeof parsed.k !== "string" && typeof parsed.k !== "number")
  ) {
    fail("InvalidNextTokenException", `The next token is not valid for this request: ${token.slice(0, 64)}`);
  }
  return parsed.k;
}

function after(key: string | number, bound: string | number): boolean {
  return typeof key === typeof bound ? key > bound : String(key) > String(bound);
}

/**
 * One page of `items`, which must be sorted ascending by `keyOf` with unique keys. `scope`
 * identifies the listing (operation, resource and filter).
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number,
  request: { nextToken?: string; maxResults?: number },
  scope: string,
  defaultMax: number,
): { page: T[]; nextToken?: string } {
  const bound = request.nextToken === undefined ? undefined : decode(request.nextToken, scope);
  const start = bound === undefined ? 0 : items.findIndex((item) => after(keyOf(item), bound));
  const from = start < 0 ? items.length : start;
  const size = request.maxResults ?? defaultMax;
  const page = items.slice(from, from + size);
  const last = page[page.length - 1];
  if (from + size >= items.length || last === undefined) return { page };
  const body: TokenBody = { s: scope, k: keyOf(last) };
  return { page, nextToken: Buffer.from(JSON.stringify(body)).toString("base64url") };
}

/**
 * Newest-first paging over a history kept oldest-first (by `seq`), without copying or sorting
 * it: walks back from the end, so the first page of a long history costs only that page.
 */
export function paginateNewestFirst<T extends { seq: number }>(
  items: readonly T[],
  matches: (item: T) => boolean,
  request: { nextToken?: string; maxResults?: number },
  scope: string,
  defaultMax: number,
): { page: T[]; nextToken?: string } {
  const bound = request.nextToken === undefined ? undefined : decode(request.nextToken, scope);
  const size = request.maxResults ?? defaultMax;
  const page: T[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item || (bound !== undefined && !after(-item.seq, bound)) || !matches(item)) continue;
    if (page.length === size) {
      const last = page[page.length - 1] as T;
      const body: TokenBody = { s: scope, k: -last.seq };
      return { page, nextToken: Buffer.from(JSON.stringify(body)).toString("base64url") };
    }
    page.push(item);
  }
  return { page };
}
