import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ContestStatus,
  ContestStatusRequest,
  ContestSummaryView,
  ContestView,
  CreateRoundRequest,
  EligibilityRequest,
  EntryCorrectionRequest,
  EntryPageView,
  EntryView,
  ImportResultView,
  RoundView,
  UpdateContestRequest,
  UpdateRoundRequest,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';
import type { EntryFilter, EntryQuery } from './entry-query';

/** The organizer's calls: contests, rounds and the screening of entries. */
@Injectable({ providedIn: 'root' })
export class OrganizeApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** The dashboard's counts per contest the organizer owns. */
  contestSummaries(): Observable<ContestSummaryView[]> {
    return this.http.get<ContestSummaryView[]>(`${this.base}/contests/mine/summary`);
  }

  contest(id: string): Observable<ContestView> {
    return this.http.get<ContestView>(`${this.base}/contests/${encodeURIComponent(id)}`);
  }

  updateContest(id: string, body: UpdateContestRequest): Observable<ContestView> {
    return this.http.patch<ContestView>(`${this.base}/contests/${id}`, body);
  }

  changeStatus(id: string, status: ContestStatus, version: number): Observable<ContestView> {
    return this.http.post<ContestView>(`${this.base}/contests/${id}/status`, { status, version } satisfies ContestStatusRequest);
  }

  createRound(contestId: string, body: CreateRoundRequest): Observable<RoundView> {
    return this.http.post<RoundView>(`${this.base}/contests/${contestId}/rounds`, body);
  }

  updateRound(roundId: string, body: UpdateRoundRequest): Observable<RoundView> {
    return this.http.patch<RoundView>(`${this.base}/rounds/${roundId}`, body);
  }

  deleteRound(roundId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/rounds/${roundId}`);
  }

  entries(contestId: string, query: EntryQuery): Observable<EntryPageView> {
    return this.http.get<EntryPageView>(`${this.base}/contests/${contestId}/entries`, { params: toParams(query) });
  }

  entry(id: string): Observable<EntryView> {
    return this.http.get<EntryView>(`${this.base}/entries/${encodeURIComponent(id)}`);
  }

  setEligibility(id: string, eligible: boolean, reason: string | null): Observable<EntryView> {
    const body: EligibilityRequest = { eligible, reason };
    return this.http.post<EntryView>(`${this.base}/entries/${id}/eligibility`, body);
  }

  /** The organizer's correction of a submitted entry (organization or team), with why. */
  correctEntry(id: string, body: EntryCorrectionRequest): Observable<EntryView> {
    return this.http.post<EntryView>(`${this.base}/entries/${id}/correction`, body);
  }

  importEntries(contestId: string, file: File): Observable<ImportResultView> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportResultView>(`${this.base}/contests/${contestId}/entries/import`, form);
  }

  /** A file download through the auth interceptor, with progress events. `path` is under the API base. */
  download(path: string, params?: EntryFilter): Observable<HttpEvent<Blob>> {
    return this.http.get(`${this.base}${path}`, {
      params: params ? toParams(params) : undefined,
      responseType: 'blob',
      observe: 'events',
      reportProgress: true,
    });
  }

  /** An attachment URL as the API gives it (`/api/...` or relative to the base). */
  attachmentPath(url: string): string {
    return url.startsWith(this.base) ? url.slice(this.base.length) : url;
  }
}

function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
