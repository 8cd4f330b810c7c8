/**
 * The API names its own routes for programs ("… (POST /api/contests/:id/status)"); a person
 * needs none of them, so the console leaves them out of any sentence of the API it shows.
 */
export function withoutApiPaths(message: string): string {
  return message
    .replace(/\s*\((?:with |use )?(?:GET|POST|PUT|PATCH|DELETE) \/api\/[^)]*\)/g, '')
    .replace(/\s*(?:with |using |use )?(?:GET|POST|PUT|PATCH|DELETE) \/api\/[^\s]*[^\s.,;)]/g, '')
    .replace(/\s+([.;,])/g, '$1')
    .replace(/:\s*([.;])/g, '$1')
    .trim();
}
