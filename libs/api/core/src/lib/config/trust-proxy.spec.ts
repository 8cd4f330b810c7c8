import { parseTrustProxy } from './trust-proxy';

describe(parseTrustProxy.name, () => {
  it('trusts nothing unless told', () => {
    expect(parseTrustProxy(undefined)).toEqual({ value: false });
    expect(parseTrustProxy('')).toEqual({ value: false });
    expect(parseTrustProxy('false')).toEqual({ value: false });
    expect(parseTrustProxy('0')).toEqual({ value: false });
  });

  it('reads a hop count', () => {
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy('2')).toEqual({ value: 2 });
    expect(parseTrustProxy('11')).toEqual({ problem: expect.stringMatching(/at most 10/) });
  });

  it('reads a list of addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback')).toEqual({
      value: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses "true" and anything that is not an address, naming it', () => {
    expect(parseTrustProxy('true')).toEqual({ problem: expect.stringMatching(/would believe any client/) });
    expect(parseTrustProxy('10.0.0.0/33')).toEqual({
      problem: expect.stringMatching(/"10\.0\.0\.0\/33" is not an IP address or CIDR range/),
    });
    expect(parseTrustProxy('proxy.internal')).toEqual({ problem: expect.stringMatching(/"proxy\.internal"/) });
    expect(parseTrustProxy('10.0.0.1/8/8')).toEqual({ problem: expect.stringMatching(/not an IP address/) });
  });
});
