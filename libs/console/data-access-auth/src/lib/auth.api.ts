import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuthResponse, LoginRequest, NeutralAnswer, PasswordResetConfirmRequest, RegisterRequest, UserView } from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  login(credentials: LoginRequest): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/auth/login`, credentials);
  }

  register(account: RegisterRequest): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/auth/register`, account);
  }

  /** The same answer whether or not the address has an account. */
  requestPasswordReset(email: string): Observable<NeutralAnswer> {
    return this.http.post<NeutralAnswer>(`${this.base}/auth/password-reset`, { email });
  }

  confirmPasswordReset(body: PasswordResetConfirmRequest): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/auth/password-reset/confirm`, body);
  }

  me(): Observable<UserView> {
    return this.http.get<UserView>(`${this.base}/auth/me`);
  }
}
