/** Node's global fetch (Node 20), or a stand-in with its signature. */
export type Fetch = typeof fetch;

/** A REST call that did not answer as expected: the method, the address, the status and what the provider said. */
export class RestError extends Error {
  override readonly name = 'RestError';
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

export interface RestCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Statuses that mean success (GET 200, POST 201...). */
  readonly expect: readonly number[];
  /** What a status means for this provider (a missing scope, a fork's read-only token), appended to the error. */
  readonly hint?: (status: number) => string | undefined;
}

/** One call; the parsed JSON body and the headers, or a RestError that says what went wrong (never the token). */
export async function restCall(fetchImpl: Fetch, call: RestCall): Promise<{ readonly json: unknown; readonly headers: Headers }> {
  const what = `${call.method} ${withoutQuery(call.url)}`;
  let response: Response;
  try {
    response = await fetchImpl(call.url, {
      method: call.method,
      headers: { Accept: 'application/json', ...call.headers, ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
    });
  } catch (error) {
    throw new RestError(`${what}: no answer: ${failureText(error)}`, undefined);
  }
  const text = await response.text();
  if (!call.expect.includes(response.status)) {
    const hint = call.hint?.(response.status);
    throw new RestError(`${what}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${excerpt(text)}${hint ? ` (${hint})` : ''}`, response.status);
  }
  try {
    return { json: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  } catch {
    throw new RestError(`${what}: HTTP ${response.status} but the answer is not JSON: ${excerpt(text)}`, response.status);
  }
}

/**
 * A pagination link is followed only on the API's own origin: the token goes with it, and a link
 * elsewhere (a proxy's rewrite, a bug) must not receive it.
 */
export function assertSameOrigin(next: string, api: string): string {
  const origin = new URL(api).origin;
  if (new URL(next).origin !== origin) throw new RestError(`the next page ${withoutQuery(next)} is not on ${origin}: not followed (the token would go with it)`, undefined);
  return next;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field the provider documents as a string or number (ids are numbers in JSON), as a string. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? '(empty answer)' : oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

function withoutQuery(url: string): string {
  return url.split('?')[0] ?? url;
}

/**
 * undici's "fetch failed" hides the reason (ECONNREFUSED, a DNS failure) in `cause`. Read by shape,
 * not `instanceof Error`: fetch's errors come from Node's realm, not jest's sandbox.
 */
function failureText(error: unknown): string {
  const message = (value: unknown) => (isRecord(value) && typeof value.message === 'string' ? value.message : undefined);
  const cause = isRecord(error) ? message(error.cause) : undefined;
  return [message(error) ?? String(error), cause].filter((part) => part !== undefined).join(': ');
}
