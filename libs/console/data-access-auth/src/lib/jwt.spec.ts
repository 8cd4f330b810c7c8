import { isExpired, tokenExpiry } from './jwt';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: object) => `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;

describe('tokenExpiry', () => {
  it('reads exp (seconds) as milliseconds', () => {
    expect(tokenExpiry(token({ sub: 'u1', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it('is null without exp or for a token that is not a JWT', () => {
    expect(tokenExpiry(token({ sub: 'u1' }))).toBeNull();
    expect(tokenExpiry('not-a-token')).toBeNull();
    expect(tokenExpiry('a.%%%.c')).toBeNull();
  });
});

describe('isExpired', () => {
  const exp = 1_800_000_000;

  it('is expired from the second of exp on', () => {
    expect(isExpired(token({ exp }), exp * 1000 - 1)).toBe(false);
    expect(isExpired(token({ exp }), exp * 1000)).toBe(true);
  });

  it('leaves a token it cannot read to the API', () => {
    expect(isExpired('opaque-token')).toBe(false);
  });
});
