export const ROLES = ['admin', 'organizer', 'judge', 'applicant'] as const;
export type Role = (typeof ROLES)[number];

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
}

export interface AuthResponse {
  accessToken: string;
  user: UserView;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
