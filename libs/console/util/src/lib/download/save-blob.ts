import { HttpErrorResponse } from '@angular/common/http';

/**
 * Hands a downloaded file to the browser under `fileName`. API files need the session's bearer
 * token (the interceptor adds it), so a plain link would not do: the caller fetches the blob.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser starts the download asynchronously; the URL must outlive that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a `Content-Disposition` header, the RFC 6266 `filename*` first; `fallback` without one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
  if (star !== undefined) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed encoding: the plain name below is still there.
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * A failed blob request carries the API's JSON error as a Blob: this reads it back into an
 * `HttpErrorResponse` with the parsed body, so the API's message and code show. Any other error,
 * or a body that is not JSON, comes back as it was.
 */
export async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  } catch {
    return error;
  }
}
