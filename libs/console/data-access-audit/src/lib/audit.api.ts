import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_BASE_URL } from '@laurel/console-util';
import type { AuditPageQuery, AuditPageView, AuditVerificationView } from '@laurel/contracts';
import type { Observable } from 'rxjs';

/** The page asks for a page and its size every time. */
export type AuditFilter = AuditPageQuery & Required<Pick<AuditPageQuery, 'page' | 'pageSize'>>;

/** The audit endpoints (libs/api/audit). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  page(contestId: string, filter: AuditFilter): Observable<AuditPageView> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    for (const key of ['action', 'actorId', 'from', 'to'] as const) {
      const value = filter[key];
      if (value) params = params.set(key, value);
    }
    return this.http.get<AuditPageView>(`${this.base}/contests/${encodeURIComponent(contestId)}/audit`, { params });
  }

  /** The contest's own hash chain (each contest has one, so this walks only its events). */
  verify(contestId: string): Observable<AuditVerificationView> {
    return this.http.get<AuditVerificationView>(`${this.base}/contests/${encodeURIComponent(contestId)}/audit/verify`);
  }
}
