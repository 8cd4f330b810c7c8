import { emailDomain } from './email-domain';
import { isPublicMailDomain } from './public-mail-domains';

describe(emailDomain.name, () => {
  it.each([
    ['lan.nguyen@hpu.edu.vn', 'hpu.edu.vn'],
    ['  An.Tran@VNG.COM.VN  ', 'vng.com.vn'],
    ['trailing@dot.vn.', 'dot.vn'],
    ['"odd@local"@example.vn', 'example.vn'],
  ])('reads the domain of %j as %j', (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });

  it.each([[''], ['no-at-sign'], ['@hpu.edu.vn'], ['someone@'], [null], [undefined]])('has no domain for %j', (email) => {
    expect(emailDomain(email)).toBeNull();
  });
});

describe(isPublicMailDomain.name, () => {
  it.each([['gmail.com'], ['GMAIL.COM'], ['yahoo.com.vn'], ['outlook.com'], ['proton.me'], ['vnn.vn'], ['hn.vnn.vn'], ['zing.vn']])(
    'treats %s as public',
    (domain) => {
      expect(isPublicMailDomain(domain)).toBe(true);
    },
  );

  it.each([['hpu.edu.vn'], ['fpt.com.vn'], ['vng.com.vn'], ['notgmail.com'], ['gmail.com.evil.vn']])(
    'treats %s as an organization',
    (domain) => {
      expect(isPublicMailDomain(domain)).toBe(false);
    },
  );
});
