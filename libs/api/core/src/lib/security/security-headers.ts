import helmet from 'helmet';

/**
 * Helmet's security headers, built once: static (no nonces, no per-route options), so one
 * middleware serves every answer. The API's onRequest hook sets them on every routed answer; the
 * answers Fastify's router sends before any hook (http-refusals.ts) set them themselves.
 * (@fastify/helmet rebuilt the middleware, parsing the policy again, and ran two hooks on every
 * request: about 3 % of a judge's autosave in the API's CPU profile.)
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Angular's critical-CSS inliner and Swagger UI use inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
});
