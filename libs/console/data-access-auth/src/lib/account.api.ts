import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccessTokenResponse,
  OutboxPage,
  OutboxQuery,
  PageQuery,
  PasswordChangeRequest,
  ProfileUpdateRequest,
  UserView,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The signed-in person's own account, and the admin's outbox. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  updateProfile(body: ProfileUpdateRequest): Observable<UserView> {
    return this.http.patch<UserView>(`${this.base}/auth/me`, body);
  }

  changePassword(body: PasswordChangeRequest): Observable<AccessTokenResponse> {
    return this.http.post<AccessTokenResponse>(`${this.base}/auth/password`, body);
  }

  signOutEverywhere(): Observable<void> {
    return this.http.post<void>(`${this.base}/auth/sign-out-everywhere`, {});
  }

  outbox(query: OutboxQuery & Required<PageQuery>): Observable<OutboxPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.status) params = params.set('status', query.status);
    if (query.to) params = params.set('to', query.to);
    return this.http.get<OutboxPage>(`${this.base}/admin/mail`, { params });
  }

  retryMail(id: string): Observable<void> {
    return this.http.post<void>(`${this.base}/admin/mail/${encodeURIComponent(id)}/retry`, {});
  }
}
