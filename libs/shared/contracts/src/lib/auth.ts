import type { PageQuery } from './paging';

export const ROLES = ['admin', 'organizer', 'judge', 'applicant'] as const;
export type Role = (typeof ROLES)[number];

export const MAIL_LANGUAGES = ['vi', 'en'] as const;
/** The language of the mails an account receives (chosen in the profile). */
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** True once the holder opened a link mailed to the address. */
  emailVerified: boolean;
  language: MailLanguage;
}

/** `POST /api/auth/verify-email`: the token of the link mailed to the address. */
export interface VerifyEmailRequest {
  token: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  language?: MailLanguage;
}

/** The answer to register, password reset and resend: the same whether or not the address has an account. */
export interface NeutralAnswer {
  message: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
}

/** What a signed-in person may change about themselves (PATCH /api/auth/me): any subset. */
export interface ProfileUpdateRequest {
  displayName?: string;
  /** The language of the mails they receive. */
  language?: MailLanguage;
}

export interface AccessTokenResponse {
  accessToken: string;
}

export interface AuthResponse {
  accessToken: string;
  user: UserView;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'captured'] as const;
/** Where a mail stands: waiting (or being retried), delivered, given up, or captured (no SMTP, development). */
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A row of the admin mailbox (the outbox). */
export interface OutboxMailView {
  id: string;
  to: string;
  template: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The plain text of a captured or undelivered message; null once sent (it held single-use links). */
  text: string | null;
  /** The link the recipient must open, while the text is kept. */
  actionUrl: string | null;
}

/** `GET /api/admin/mail`: a page of the outbox (50 a page by default), by status and recipient. */
export interface OutboxQuery extends PageQuery {
  status?: MailStatus;
  /** Part of the recipient address. */
  to?: string;
}

export interface OutboxPage {
  items: OutboxMailView[];
  total: number;
  page: number;
  pageSize: number;
}

/** The roles an administrator grants and revokes; judge comes from a contest's invitation, applicant from signing up. */
export const GRANTABLE_ROLES = ['organizer', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** A row of the administrator's list of accounts. */
export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  emailVerified: boolean;
  disabled: boolean;
  createdAt: string;
}

/** `GET /api/admin/users`: a page of accounts (25 a page by default, at most 100). */
export interface AdminUsersQuery extends PageQuery {
  /** Part of the name or the e-mail address. */
  q?: string;
  role?: Role;
}

export interface AdminUserPage {
  items: AdminUserView[];
  total: number;
  page: number;
  pageSize: number;
}

/** PATCH /api/admin/users/:id: the account's roles (only organizer and admin may change) and whether it is disabled. */
export interface AdminUserChange {
  roles?: Role[];
  disabled?: boolean;
}

/** POST /api/admin/invitations: a new organizer or administrator, invited by mail only. */
export interface AccountInvitationRequest {
  email: string;
  displayName: string;
  role: GrantableRole;
  language?: MailLanguage;
}

export interface AccountInvitationResponse {
  invitationId: string;
  status: 'pending';
}
