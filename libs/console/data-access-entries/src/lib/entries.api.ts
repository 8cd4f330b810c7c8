import { type HttpEvent, HttpClient, HttpRequest, HttpXhrBackend } from '@angular/common/http';
import { EnvironmentInjector, Injectable, inject, runInInjectionContext } from '@angular/core';
import { authInterceptor } from '@laurel/console-data-access-auth';
import type {
  AttachmentKind,
  AttachmentView,
  ContestView,
  CreateEntryRequest,
  EntryView,
  OwnEntryView,
  SubmitEntryRequest,
  UpdateEntryRequest,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The applicant's side of `libs/api/entries`, one method per endpoint. */
@Injectable({ providedIn: 'root' })
export class EntriesApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly xhr = inject(HttpXhrBackend);
  private readonly injector = inject(EnvironmentInjector);

  /** Public: a contest by its id or slug, with categories, rounds and prizes. */
  contest(idOrSlug: string): Observable<ContestView> {
    return this.http.get<ContestView>(`${this.base}/contests/${encodeURIComponent(idOrSlug)}`);
  }

  mine(): Observable<OwnEntryView[]> {
    return this.http.get<OwnEntryView[]>(`${this.base}/me/entries`);
  }

  get(id: string): Observable<EntryView> {
    return this.http.get<EntryView>(`${this.base}/entries/${id}`);
  }

  create(contestId: string, fields: CreateEntryRequest): Observable<EntryView> {
    return this.http.post<EntryView>(`${this.base}/contests/${contestId}/entries`, fields);
  }

  update(id: string, change: UpdateEntryRequest): Observable<EntryView> {
    return this.http.patch<EntryView>(`${this.base}/entries/${id}`, change);
  }

  submit(id: string, version: number): Observable<EntryView> {
    const body: SubmitEntryRequest = { version };
    return this.http.post<EntryView>(`${this.base}/entries/${id}/submit`, body);
  }

  withdraw(id: string): Observable<EntryView> {
    return this.http.post<EntryView>(`${this.base}/entries/${id}/withdraw`, {});
  }

  /**
   * Upload events, so that the page can show the progress. The app's HttpClient runs on fetch,
   * which reports no upload progress; this one request goes through XHR, with the same auth
   * interceptor the app uses.
   */
  upload(id: string, file: File, kind: AttachmentKind): Observable<HttpEvent<AttachmentView>> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    const request = new HttpRequest<FormData>('POST', `${this.base}/entries/${id}/attachments`, form, { reportProgress: true });
    return runInInjectionContext(this.injector, () => authInterceptor(request, (sent) => this.xhr.handle(sent))) as Observable<
      HttpEvent<AttachmentView>
    >;
  }

  removeAttachment(id: string, attachmentId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/entries/${id}/attachments/${attachmentId}`);
  }

  /** The file as a blob: the download needs the bearer token, which a plain link does not carry. */
  download(id: string, attachmentId: string): Observable<Blob> {
    return this.http.get(`${this.base}/entries/${id}/attachments/${attachmentId}`, { responseType: 'blob' });
  }
}
