import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { ROLES, type AuthResponse, type UserView } from '@laurel/contracts';
import { localStore } from '@laurel/console-util';
import { isExpired } from './jwt';

const TOKEN_KEY = 'laurel.token';
const USER_KEY = 'laurel.user';

interface Session {
  token: string;
  user: UserView;
}

/**
 * Who is signed in: the bearer token and the user, kept in localStorage so that a reload or a
 * new tab stays signed in. No HTTP here, so the interceptor can read it without a cycle.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly state = signal<Session | null>(restore());

  readonly token = computed(() => this.state()?.token ?? null);
  readonly user = computed(() => this.state()?.user ?? null);
  readonly isSignedIn = computed(() => this.state() !== null);

  constructor() {
    // Signing in or out in another tab does the same here.
    inject(DOCUMENT).defaultView?.addEventListener('storage', (event) => {
      if (event.key === TOKEN_KEY || event.key === USER_KEY || event.key === null) this.state.set(restore());
    });
  }

  start({ accessToken, user }: AuthResponse): void {
    localStore.set(TOKEN_KEY, accessToken);
    localStore.set(USER_KEY, JSON.stringify(user));
    this.state.set({ token: accessToken, user });
  }

  updateUser(user: UserView): void {
    const current = this.state();
    if (!current) return;
    localStore.set(USER_KEY, JSON.stringify(user));
    this.state.set({ ...current, user });
  }

  clear(): void {
    localStore.remove(TOKEN_KEY);
    localStore.remove(USER_KEY);
    this.state.set(null);
  }
}

function restore(): Session | null {
  const token = localStore.get(TOKEN_KEY);
  const user = parseUser(localStore.get(USER_KEY));
  if (token && user && !isExpired(token)) return { token, user };
  localStore.remove(TOKEN_KEY);
  localStore.remove(USER_KEY);
  return null;
}

function parseUser(raw: string | null): UserView | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<UserView>;
    const valid =
      typeof value.id === 'string' &&
      typeof value.email === 'string' &&
      typeof value.displayName === 'string' &&
      Array.isArray(value.roles) &&
      value.roles.every((role) => (ROLES as readonly string[]).includes(role));
    return valid ? (value as UserView) : null;
  } catch {
    return null;
  }
}
