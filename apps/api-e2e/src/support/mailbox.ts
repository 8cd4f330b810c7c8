import type { Http } from './http';

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

/** The link of the newest captured mail of this template to this address, waiting for delivery. */
export async function mailedLink(http: Http, to: string, template: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await http.get(`/api/admin/mail?to=${encodeURIComponent(to)}&pageSize=20`, await adminToken(http));
    if (page.status !== 200) throw new Error(`admin mailbox: ${page.status} ${JSON.stringify(page.body)}`);
    const mail = (page.body.items as { to: string; template: string; status: string; actionUrl: string | null }[]).find(
      (m) => m.to.toLowerCase() === to.toLowerCase() && m.template === template && m.status === 'captured' && m.actionUrl,
    );
    if (mail?.actionUrl) return mail.actionUrl;
    if (Date.now() > deadline) throw new Error(`no captured ${template} mail to ${to}: ${JSON.stringify(page.body.items)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function tokenOfLink(link: string): string {
  const match = /#token=([^\s&]+)/.exec(link);
  if (!match) throw new Error(`no token in ${link}`);
  return decodeURIComponent(match[1]);
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
  const token = tokenOfLink(await mailedLink(http, email, options.template ?? 'judge_invitation'));
  const preview = await http.get(`/api/invitations/by-token/${encodeURIComponent(token)}`);
  if (preview.status !== 200) throw new Error(`invitation preview: ${preview.status} ${JSON.stringify(preview.body)}`);
  const accepted = preview.body.accountExists
    ? await http.post('/api/invitations/accept', { token }, await http.login(email, options.signInPassword ?? 'laurel-demo'))
    : await http.post('/api/invitations/accept', { token, password: options.password ?? 'judge-password-1' });
  if (accepted.status !== 200) throw new Error(`accept the invitation of ${email}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.body;
}
