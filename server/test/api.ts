import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from './app';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `call(user, method, url, payload?)`: a JSON request as a signed-in user, or with no session (`null`). */
export interface Api {
  (user: string | null, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** The Cookie header of each signed-in user; replace one to go on with another session. */
  cookies: Record<string, string>;
}

/** Signs these test accounts in and returns `call` to send requests as them. */
export async function signIn(t: TestApp, ...usernames: string[]): Promise<Api> {
  const cookies: Record<string, string> = {};
  for (const u of usernames) cookies[u] = await t.login(u);
  const call = (user: string | null, method: Method, url: string, payload?: object) => {
    if (user !== null && cookies[user] === undefined) throw new Error(`"${user}" is not signed in`);
    return t.app.inject({ method, url, payload, headers: user === null ? {} : { cookie: cookies[user] } });
  };
  return Object.assign(call, { cookies });
}

/** A test app (see `buildTestApp`) with these accounts signed in, and `call` to send requests as them. */
export async function buildTestAppAs(...usernames: string[]): Promise<{ t: TestApp; call: Api }> {
  const t = await buildTestApp();
  return { t, call: await signIn(t, ...usernames) };
}

/** The audit entries of one entity, newest first, as an admin reads them. */
export async function auditOf(call: Api, entity: string) {
  return (await call('admin', 'GET', `/api/admin/audit?entity=${entity}`)).json().items as {
    actor: string;
    entityId: string;
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
}
