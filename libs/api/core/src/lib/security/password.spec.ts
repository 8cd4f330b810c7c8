import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('password policy', () => {
  it('accepts eight characters or more', () => {
    expect(passwordProblems('12345678')).toEqual([]);
    expect(passwordProblems('mật khẩu dài')).toEqual([]);
  });

  it('refuses fewer than eight characters, more than 128, only spaces, or the e-mail itself', () => {
    expect(passwordProblems('1234567')).toEqual(['must be at least 8 characters long']);
    expect(passwordProblems('x'.repeat(129))).toEqual(['must be at most 128 characters long']);
    expect(passwordProblems('        ')).toEqual(['must not be only spaces']);
    expect(passwordProblems('Hoa@Startup.vn', 'hoa@startup.vn')).toEqual(['must not be the same as the e-mail address']);
  });
});

describe('password hashing', () => {
  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and verifies only the right password', async () => {
    const hash = await hashPassword('laurel-demo');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(verifyPassword(hash, 'laurel-demo')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'laurel-demO')).resolves.toBe(false);
    await expect(verifyPassword('not a hash', 'laurel-demo')).resolves.toBe(false);
  });
});
