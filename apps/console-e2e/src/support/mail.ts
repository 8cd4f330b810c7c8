import type { APIRequestContext } from '@playwright/test';

// Mail reaches people here as it does on a machine without SMTP: captured by the API and read
// from the admin mailbox (GET /api/admin/mail), where the link a person must open is kept.

/** One API call: method, path (with /api), bearer token, JSON body → the parsed answer; throws on a refusal. */
export type ApiCall = (method: string, path: string, token: string | null, body?: unknown) => Promise<any>;

/** An ApiCall over Playwright's request context (its baseURL is the platform of the spec file). */
export function requestCall(request: APIRequestContext): ApiCall {
  return async (method, path, token, body) => {
    const response = await request.fetch(path, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    if (response.status() >= 300) throw new Error(`${method} ${path}: ${response.status()} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** The link of the newest captured mail of this template to this address, once the queue has handled it. */
export async function mailedLink(call: ApiCall, to: string, template: string, timeoutMs = 20_000): Promise<string> {
  const admin = (await call('POST', '/api/auth/login', null, { email: 'admin@demo.laurel', password: 'laurel-demo' })).accessToken;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await call('GET', `/api/admin/mail?to=${encodeURIComponent(to)}`, admin);
    const mail = (page.items as { template: string; status: string; actionUrl: string | null }[]).find(
      (m) => m.template === template && m.status === 'captured' && m.actionUrl,
    );
    if (mail?.actionUrl) return mail.actionUrl;
    if (Date.now() > deadline) throw new Error(`no captured ${template} mail to ${to}: ${JSON.stringify(page.items)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function tokenOfLink(link: string): string {
  const token = /#token=([^&\s]+)/.exec(link)?.[1];
  if (token === undefined) throw new Error(`no token in ${link}`);
  return decodeURIComponent(token);
}

/**
 * Signs an applicant up and opens the mailed confirmation link, as a new team would; the answer
 * is the session the confirmation starts (an account allowed to submit).
 */
export async function signUpVerified(
  call: ApiCall,
  account: { email: string; password: string; displayName: string; language?: 'vi' | 'en' },
): Promise<{ accessToken: string; user: { id: string; email: string; roles: string[] } }> {
  await call('POST', '/api/auth/register', null, account);
  const token = tokenOfLink(await mailedLink(call, account.email, 'verify_email'));
  return call('POST', '/api/auth/verify-email', null, { token });
}
