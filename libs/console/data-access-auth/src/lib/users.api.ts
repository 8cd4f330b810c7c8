import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountInvitationRequest,
  AccountInvitationResponse,
  AdminUserChange,
  AdminUserPage,
  AdminUserView,
  AdminUsersQuery,
  PageQuery,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The admin's people management: accounts, their roles, account invitations (libs/api/auth, admin-users.controller). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(query: AdminUsersQuery & Required<PageQuery>): Observable<AdminUserPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.q) params = params.set('q', query.q);
    if (query.role) params = params.set('role', query.role);
    return this.http.get<AdminUserPage>(`${this.base}/admin/users`, { params });
  }

  change(id: string, change: AdminUserChange): Observable<AdminUserView> {
    return this.http.patch<AdminUserView>(`${this.base}/admin/users/${encodeURIComponent(id)}`, change);
  }

  invite(request: AccountInvitationRequest): Observable<AccountInvitationResponse> {
    return this.http.post<AccountInvitationResponse>(`${this.base}/admin/invitations`, request);
  }
}
