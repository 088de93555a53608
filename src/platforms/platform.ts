// What the preview sub-action asks of a hosting platform, whichever it is (vercel.ts, netlify.ts): one variable's
// value for one branch's previews written, looked up, and deleted, and that branch's preview built again. Each
// platform module turns its API's answers into these, and its errors into one line that says what to fix.
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import { shortLine } from '../base/text.js';
import type { Requester } from '../api/requester.js';
import { describeStatus, parseBody, type HttpResponse, type Json } from '../api/transport.js';

/** Marks a value as this action's where the platform keeps a comment: only a value carrying it is ever deleted. */
export const MARKER = 'Written by pinecone-ephemeral-key/preview';

export interface BranchValue {
  /** The variable's name, e.g. PINECONE_API_KEY. */
  name: string;
  value: string;
  branch: string;
  /** Says whose and which value it is, where the platform keeps a comment (starts with MARKER). */
  comment: string;
}

/** A build started for the branch: its ID, and where to see it when the platform says. */
export interface Rebuild {
  id: string;
  url: string | undefined;
}

export interface PreviewPlatform {
  /** `Vercel project shop-web`: what the log lines name. */
  readonly where: string;
  /** How the value is kept, for the log: `sensitive`, `secret`. */
  write(value: BranchValue): Promise<{ kept: string }>;
  /** Whether our value of `name` for `branch` is there. */
  has(name: string, branch: string): Promise<boolean>;
  /** Builds the branch's preview again; `undefined` when the branch has no deployment yet. */
  rebuild(branch: string): Promise<Rebuild | undefined>;
  /** Deletes our value of `name` for `branch`; false when there was none. */
  remove(name: string, branch: string): Promise<boolean>;
}

/** One request to a platform: its answer, or one line saying why there is none (out of time, unreachable). */
export interface PlatformCall {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  url: string;
  token: string;
  what: string;
  body?: unknown;
  /** Not idempotent (a build): an attempt that may have arrived is never sent again. */
  once?: boolean;
}

export async function send(
  requester: Requester,
  service: string,
  call: PlatformCall,
): Promise<{ status: number; json: Json | undefined; array: unknown[] | undefined; response: HttpResponse }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${call.token}`, Accept: 'application/json' };
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: HttpResponse;
  try {
    response = await requester.send({
      method: call.method,
      url: call.url,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      what: call.what,
      service,
      ...(call.once ? { once: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError)) throw error;
    throw new ActionError(
      `${service} did not answer the request to ${call.what} (${error.message}): it may or may not have started; look at the project's deployments, or push again.`,
    );
  }
  let array: unknown[] | undefined;
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (Array.isArray(parsed)) array = parsed;
  } catch {
    array = undefined;
  }
  return { status: response.status, json: parseBody(response), array, response };
}

/** A platform's 5xx after every retry: one line, the same for both. */
export function serverFailure(service: string, what: string, status: number): ActionError {
  return new ActionError(
    `${service} answered ${describeStatus(status)} to every attempt to ${what}: it is failing on its side; try again later (its status page says when it is back).`,
  );
}

/** Text from a platform's answer for a log line: a string, at most one short line. */
export function said(value: unknown): string {
  return typeof value === 'string' ? shortLine(value) : '';
}
