import { HttpClient, HttpErrorResponse, HttpEventType, type HttpResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { ResultsApi } from './results.api';

export interface DownloadProgress {
  /** Which download this is (the caller's own name for it). */
  id: string;
  received: number;
  /** Null while the server does not say (a streamed workbook has no Content-Length). */
  total: number | null;
}

export type DownloadOutcome = { ok: true; fileName: string; size: number } | { ok: false; error: UiMessage };

/**
 * Downloads a file from the API with the session's bearer token (the interceptor adds it, so a
 * plain link would not do), reporting the bytes received as the body streams in, then hands the
 * blob to the browser under the server's file name. One download at a time per service.
 */
@Injectable({ providedIn: 'root' })
export class FileDownloader {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ResultsApi);
  private readonly current = signal<DownloadProgress | null>(null);

  readonly progress = this.current.asReadonly();

  /** The results workbook of a contest. */
  contestWorkbook(contestId: string, fallbackName: string): Promise<DownloadOutcome> {
    return this.download('workbook', this.api.contestWorkbookUrl(contestId), fallbackName);
  }

  /** The printable score sheets of a round, one sheet per judge. */
  scoreSheets(roundId: string, fallbackName: string): Promise<DownloadOutcome> {
    return this.download('scoreSheets', this.api.scoreSheetsUrl(roundId), fallbackName);
  }

  async download(id: string, url: string, fallbackName: string): Promise<DownloadOutcome> {
    if (this.current()) return { ok: false, error: { key: 'results.export.busy' } };
    this.current.set({ id, received: 0, total: null });
    try {
      const response = await new Promise<HttpResponse<Blob>>((resolve, reject) => {
        this.http.get(url, { observe: 'events', responseType: 'blob', reportProgress: true }).subscribe({
          next: (event) => {
            if (event.type === HttpEventType.DownloadProgress) {
              this.current.set({ id, received: event.loaded, total: event.total ?? null });
            } else if (event.type === HttpEventType.Response) {
              resolve(event);
            }
          },
          error: reject,
        });
      });
      const blob = response.body ?? new Blob([]);
      const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName);
      saveBlob(blob, fileName);
      return { ok: true, fileName, size: blob.size };
    } catch (error) {
      return { ok: false, error: toUiMessage(await readBlobError(error)) };
    } finally {
      this.current.set(null);
    }
  }
}

/** A failed blob request carries its JSON error as a Blob; read it so the API's message shows. */
async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  const body = error.error;
  try {
    const parsed: unknown = JSON.parse(await body.text());
    const source = error as HttpErrorResponse;
    return new HttpErrorResponse({ error: parsed, status: source.status, statusText: source.statusText, url: source.url ?? undefined });
  } catch {
    return error;
  }
}

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

/** The file name of a `Content-Disposition` header, the RFC 6266 `filename*` first. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed encoding: the plain name below is still there.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}
