import { isIP } from 'node:net';

/** What Fastify is told to trust: nothing, the nearest N proxies, or proxies at these addresses. */
export type TrustProxy = false | number | string[];

// Names proxy-addr (Fastify's parser) understands for common private ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads `TRUST_PROXY`: a hop count (`1` behind one load balancer) or a comma-separated list of
 * proxy addresses and CIDRs (`10.0.0.0/8,127.0.0.1`). Never "trust everything": with `true`, any
 * client could name its own address in X-Forwarded-For and escape the per-address throttles.
 * Returns the setting, or the problem to report (the value is validated with the rest at boot).
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { problem: string } {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { value: hops } : { problem: 'TRUST_PROXY: a hop count is the number of proxies in front of Laurel, at most 10' };
  }
  if (text === 'true') {
    return {
      problem:
        'TRUST_PROXY: "true" would believe any client\'s X-Forwarded-For; give the number of proxies in front of Laurel (such as 1) or their addresses (such as 10.0.0.0/8,127.0.0.1)',
    };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0) {
    return {
      problem: `TRUST_PROXY: ${bad.map((b) => JSON.stringify(b)).join(', ')} is not an IP address or CIDR range; give a hop count (such as 1) or a list such as 10.0.0.0/8,127.0.0.1`,
    };
  }
  return { value: entries };
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
