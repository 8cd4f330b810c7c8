import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

export interface AuditEvent {
  id: string;
  contestId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payload: unknown;
  occurredAt: string;
  prevHash: string | null;
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  /** What a person calls the ids of this page (people, entries by code, rounds…); an id missing here is shown shortened. */
  names: Record<string, string>;
}

export interface AuditVerification {
  valid: boolean;
  count: number;
  firstBrokenEventId?: string;
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/** The audit endpoints (libs/api/audit). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  page(contestId: string, filter: AuditFilter): Observable<AuditPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    for (const key of ['action', 'actorId', 'from', 'to'] as const) {
      const value = filter[key];
      if (value) params = params.set(key, value);
    }
    return this.http.get<AuditPage>(`${this.base}/contests/${encodeURIComponent(contestId)}/audit`, { params });
  }

  /** The contest's own hash chain (each contest has one, so this walks only its events). */
  verify(contestId: string): Observable<AuditVerification> {
    return this.http.get<AuditVerification>(`${this.base}/contests/${encodeURIComponent(contestId)}/audit/verify`);
  }
}
