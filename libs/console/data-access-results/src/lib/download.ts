import { HttpClient, HttpEventType, type HttpResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type UiMessage, fileNameOf, readBlobError, saveBlob, toUiMessage } from '@laurel/console-util';
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
