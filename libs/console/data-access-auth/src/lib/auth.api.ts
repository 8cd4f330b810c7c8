import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuthResponse,
  LoginRequest,
  NeutralAnswer,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RegisterRequest,
  UserView,
  VerifyEmailRequest,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  login(credentials: LoginRequest): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/auth/login`, credentials);
  }

  /** The same answer whether or not the address has an account; the mail says which. */
  register(account: RegisterRequest): Observable<NeutralAnswer> {
    return this.http.post<NeutralAnswer>(`${this.base}/auth/register`, account);
  }

  /** Opens the mailed confirmation link: proves the mailbox and starts a session. */
  verifyEmail(token: string): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/auth/verify-email`, { token } satisfies VerifyEmailRequest);
  }

  /** Mails the signed-in account a new confirmation link (the earlier one stops working). */
  resendVerification(): Observable<NeutralAnswer> {
    return this.http.post<NeutralAnswer>(`${this.base}/auth/verify-email/resend`, {});
  }

  /** The same answer whether or not the address has an account. */
  requestPasswordReset(email: string): Observable<NeutralAnswer> {
    return this.http.post<NeutralAnswer>(`${this.base}/auth/password-reset`, { email } satisfies PasswordResetRequest);
  }

  confirmPasswordReset(body: PasswordResetConfirmRequest): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/auth/password-reset/confirm`, body);
  }

  me(): Observable<UserView> {
    return this.http.get<UserView>(`${this.base}/auth/me`);
  }
}
