import { InjectionToken } from '@angular/core';

/** Where the API lives. The console is served by the API itself, so the same origin by default. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api',
});

/** True for a request to our API (which is the only place a bearer token may travel to). */
export function isApiUrl(url: string, base: string): boolean {
  return url === base || url.startsWith(`${base}/`);
}
