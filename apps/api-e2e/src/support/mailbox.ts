import type { Http } from './http';
import type { SmtpSink } from './smtp-sink';

const adminTokens = new Map<string, string>();

/** The admin's view of the outbox (captured mail: the API runs without SMTP_URL in these tests). */
async function adminToken(http: Http): Promise<string> {
  let token = adminTokens.get(http.baseUrl);
  if (!token) {
    token = await http.login('admin@demo.laurel');
    adminTokens.set(http.baseUrl, token);
  }
  return token;
}

/**
 * The links of the captured mails of this template to this address, newest first, waiting until
 * `accept(link)` takes one (an address may hold invitations of several contests).
 */
export async function mailedLink(
  http: Http,
  to: string,
  template: string,
  accept: (link: string) => Promise<boolean> = async () => true,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await http.get(`/api/admin/mail?to=${encodeURIComponent(to)}&pageSize=50`, await adminToken(http));
    if (page.status !== 200) throw new Error(`admin mailbox: ${page.status} ${JSON.stringify(page.body)}`);
    const links = (page.body.items as { to: string; template: string; status: string; actionUrl: string | null }[])
      .filter((m) => m.to.toLowerCase() === to.toLowerCase() && m.template === template && m.status === 'captured' && m.actionUrl)
      .map((m) => m.actionUrl as string);
    for (const link of links) if (await accept(link)) return link;
    if (Date.now() > deadline) throw new Error(`no usable captured ${template} mail to ${to}: ${JSON.stringify(page.body.items)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function tokenOfLink(link: string): string {
  const token = /#token=([^\s&]+)/.exec(link)?.[1];
  if (token === undefined) throw new Error(`no token in ${link}`);
  return decodeURIComponent(token);
}

/**
 * The invited person opens the mailed invitation and accepts it: an address with a verified
 * account signs in first (`signInPassword`, the demo password by default); any other sets `password`.
 */
export async function acceptInvitationByMail(
  http: Http,
  email: string,
  options: { password?: string; signInPassword?: string; template?: string } = {},
): Promise<{ accessToken: string; user: { id: string; email: string; roles: string[] } }> {
  let preview: { status: number; body: any } = { status: 0, body: null };
  // The newest invitation still waiting (another contest's may have been accepted already).
  const link = await mailedLink(http, email, options.template ?? 'judge_invitation', async (candidate) => {
    preview = await http.get(`/api/invitations/by-token/${encodeURIComponent(tokenOfLink(candidate))}`);
    return preview.status === 200;
  });
  const token = tokenOfLink(link);
  const accepted = preview.body.accountExists
    ? await http.post('/api/invitations/accept', { token }, await http.login(email, options.signInPassword ?? 'laurel-demo'))
    : await http.post('/api/invitations/accept', { token, password: options.password ?? 'judge-password-1' });
  if (accepted.status !== 200) throw new Error(`accept the invitation of ${email}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.body;
}

/**
 * Signs up and opens the mailed confirmation link, as a new applicant would: the answer is the
 * session the verification returns (a verified account, allowed to submit).
 */
export async function registerVerified(
  http: Http,
  account: { email: string; password: string; displayName: string; language?: 'vi' | 'en' },
): Promise<{ accessToken: string; user: { id: string; email: string; roles: string[] } }> {
  const registered = await http.post('/api/auth/register', account);
  if (registered.status !== 202) throw new Error(`register ${account.email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const token = tokenOfLink(await mailedLink(http, account.email, 'verify_email'));
  const verified = await http.post('/api/auth/verify-email', { token });
  if (verified.status !== 200) throw new Error(`verify ${account.email}: ${verified.status} ${JSON.stringify(verified.body)}`);
  return verified.body;
}

/**
 * `registerVerified` where the API delivers to a real SMTP server (SMTP_URL set): the outbox keeps
 * no link once a message is sent, so the confirmation link is read from the server, as the
 * applicant would read it from their mailbox.
 */
export function registerVerifiedFromSink(
  http: Http,
  smtp: SmtpSink,
): (account: { email: string; password: string; displayName: string }) => Promise<{ accessToken: string; user: { id: string } }> {
  return async (account) => {
    const registered = await http.post('/api/auth/register', account);
    if (registered.status !== 202) throw new Error(`register ${account.email}: ${registered.status} ${JSON.stringify(registered.body)}`);
    const [mail] = await smtp.waitFor((m) => m.to === account.email && (m.link ?? '').includes('/verify-email#token='));
    const verified = await http.post('/api/auth/verify-email', { token: tokenOfLink(mail.link ?? '') });
    if (verified.status !== 200) throw new Error(`verify ${account.email}: ${verified.status} ${JSON.stringify(verified.body)}`);
    return verified.body;
  };
}
