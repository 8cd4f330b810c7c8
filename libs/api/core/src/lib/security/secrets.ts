/**
 * The one list of what Laurel never writes down in the clear: in logs (pino and the database
 * logger alike) and in stored answers (idempotency). Field names are compared without case.
 */
export const SECRET_FIELD_NAMES = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'ticket',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
] as const;

const SECRET_NAMES = new Set<string>(SECRET_FIELD_NAMES.map((name) => name.toLowerCase()));

/** Path segments whose next segment is a secret (a token in a link). */
const SECRET_PATH_MARKERS = new Set(['by-token']);

export const REDACTED = '[redacted]';

export function isSecretField(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase());
}

/**
 * A signed token as Laurel issues them, wherever it turns up in a line: JWTs and live tickets
 * both begin with base64url JSON ("eyJ").
 */
const TOKEN_PATTERN = /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]+){1,2}/g;

/** A URL with every secret query parameter's value and every token path segment replaced. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const segments = path.split('/');
  let redacted = segments.map((segment, i) => (i > 0 && SECRET_PATH_MARKERS.has(segments[i - 1] ?? '') ? REDACTED : segment)).join('/');
  if (query >= 0) {
    const params = url
      .slice(query + 1)
      .split('&')
      .map((pair) => {
        const [name = ''] = pair.split('=');
        let decoded = name;
        try {
          decoded = decodeURIComponent(name);
        } catch {
          /* a malformed name is kept as sent */
        }
        return isSecretField(decoded) ? `${name}=${REDACTED}` : pair;
      });
    redacted += `?${params.join('&')}`;
  }
  return redacted;
}

/** Any text with signed tokens in it replaced: the last net under every log line. */
export function redactText(text: string): string {
  return text.replace(TOKEN_PATTERN, REDACTED);
}

/**
 * A deep copy of a JSON value without its secret fields, and whether any were found: what an
 * answer may be kept as when it carried credentials.
 */
export function withoutSecrets(value: unknown): { value: unknown; removed: boolean } {
  let removed = false;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(v)) {
        if (isSecretField(key)) removed = true;
        else out[key] = strip(inner);
      }
      return out;
    }
    if (typeof v === 'string' && v.startsWith('/') && v.includes('?')) {
      // A link that carries a credential (the live board's `url`) is one too.
      const link = redactUrl(v);
      if (link !== v) removed = true;
      return link;
    }
    return v;
  };
  return { value: strip(value), removed };
}

/** Paths pino blanks in every log object (the request serializer also rewrites the URL). */
export const PINO_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.query.ticket',
  'req.query.token',
  ...SECRET_FIELD_NAMES.filter((name) => /^[a-z]+$/i.test(name)).flatMap((name) => [`*.${name}`, `*.*.${name}`]),
];
