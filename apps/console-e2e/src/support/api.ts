/**
 * The platform's API as the browser specs' set-ups call it: plain fetch with a bearer token,
 * failing loudly with the answer it got. One copy for the pitch-day and the results set-ups.
 */
export interface Session {
  token: string;
  user: unknown;
}

export class Api {
  constructor(private readonly base: string) {}

  /** A signed-in session: the token, and the user the console keeps beside it. */
  async session(email: string, password: string): Promise<Session> {
    const answer = await this.call('POST', '/api/auth/login', null, { email, password });
    return { token: answer.accessToken, user: answer.user };
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.session(email, password)).token;
  }

  async call(method: string, path: string, token: string | null, body?: unknown): Promise<any> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/** The token of the newest captured judge invitation to this address, once the mail queue has handled it (`adminToken`: the demo admin's). */
export async function mailedInvitationToken(api: Api, adminToken: string, email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await api.call('GET', `/api/admin/mail?to=${encodeURIComponent(email)}`, adminToken);
    const mail = (page.items as { template: string; status: string; actionUrl: string | null }[]).find(
      (m) => m.template === 'judge_invitation' && m.status === 'captured' && m.actionUrl,
    );
    const token = mail?.actionUrl && /#token=([^&\s]+)/.exec(mail.actionUrl)?.[1];
    if (token) return decodeURIComponent(token);
    if (Date.now() > deadline) throw new Error(`no invitation mail to ${email}: ${JSON.stringify(page.items)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
