/**
 * Mail providers anyone can sign up with: sharing one says nothing about sharing an employer.
 * A subdomain of a listed domain counts too, which covers the regional VNPT boxes
 * (hn.vnn.vn, hcm.vnn.vn, ...).
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Global
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'zoho.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'inbox.ru',
  'bk.ru',
  'list.ru',
  // Regional variants common among applicants from abroad
  'yahoo.co.uk',
  'yahoo.co.jp',
  'yahoo.fr',
  'hotmail.co.uk',
  'hotmail.fr',
  'outlook.fr',
  'web.de',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  // Vietnam
  'yahoo.com.vn',
  'vnn.vn',
  'zing.vn',
]);

export function isPublicMailDomain(domain: string): boolean {
  let candidate = domain.toLowerCase();
  for (;;) {
    if (PUBLIC_MAIL_DOMAINS.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) return false;
    candidate = candidate.slice(dot + 1);
  }
}
