import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { type AdminUserPage, type AdminUserView, type GrantableRole, ROLES, type Role } from '@laurel/contracts';
import { AuthStore, UsersApi } from '@laurel/console-data-access-auth';
import {
  AlertComponent,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  EmptyStateComponent,
  StatusChipComponent,
} from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, roleKey, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { InviteAccountDialogComponent } from './invite-dialog.component';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/**
 * `/admin/users`: every account, searched and filtered; the organizer and administrator roles
 * switched with a confirmation, accounts disabled and enabled, organizers invited by mail. What the
 * API refuses (the last administrator, oneself) is said in the reader's language.
 */
@Component({
  selector: 'laurel-users-page',
  imports: [
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatSlideToggle,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './users-page.component.html',
  styleUrl: './users-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  protected readonly me = inject(AuthStore).user;

  protected readonly roles = ROLES;
  protected readonly roleKey = roleKey;
  protected readonly search = signal('');
  private readonly q = signal('');
  protected readonly role = signal<Role | ''>('');
  protected readonly page = signal(1);
  protected readonly result = signal<AdminUserPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly notice = signal<UiMessage | null>(null);
  /** The account a change is being saved for: its controls wait. */
  protected readonly saving = signal<string | null>(null);
  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.result()?.total ?? 0) / PAGE_SIZE)));
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private loadCount = 0;

  constructor() {
    effect(() => void this.load(this.q(), this.role(), this.page()));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected typed(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.page.set(1);
      this.q.set(value.trim());
    }, SEARCH_DELAY_MS);
  }

  protected filterRole(role: Role | ''): void {
    this.page.set(1);
    this.role.set(role);
  }

  protected has(user: AdminUserView, role: Role): boolean {
    return user.roles.includes(role);
  }

  protected async toggle(user: AdminUserView, role: GrantableRole, toggle: MatSlideToggle): Promise<void> {
    const granting = !user.roles.includes(role);
    const roleName = this.i18n.t(roleKey(role));
    const params = { name: user.displayName, email: user.email, role: roleName };
    const confirmed = await this.confirm({
      title: this.i18n.t(granting ? 'users.confirm.grantTitle' : 'users.confirm.revokeTitle', params),
      body: this.i18n.t(granting ? 'users.confirm.grantBody' : 'users.confirm.revokeBody', params),
      confirm: this.i18n.t(granting ? 'users.confirm.grant' : 'users.confirm.revoke'),
    });
    if (!confirmed) {
      // The switch moved under the pointer; it shows the account's role until a change is saved.
      toggle.checked = !granting;
      return;
    }
    const roles = granting ? [...user.roles, role] : user.roles.filter((r) => r !== role);
    const saved = await this.save(user, { roles });
    if (!saved) toggle.checked = !granting;
    else
      this.notice.set({ key: granting ? 'users.done.granted' : 'users.done.revoked', params: { name: user.displayName, role: roleName } });
  }

  protected async setDisabled(user: AdminUserView, disabled: boolean): Promise<void> {
    const params = { name: user.displayName, email: user.email };
    const confirmed = await this.confirm({
      title: this.i18n.t(disabled ? 'users.confirm.disableTitle' : 'users.confirm.enableTitle'),
      body: this.i18n.t(disabled ? 'users.confirm.disableBody' : 'users.confirm.enableBody', params),
      confirm: this.i18n.t(disabled ? 'users.actions.disable' : 'users.actions.enable'),
    });
    if (!confirmed) return;
    if (await this.save(user, { disabled })) {
      this.notice.set({ key: disabled ? 'users.done.disabled' : 'users.done.enabled', params: { name: user.displayName } });
    }
  }

  protected async invite(): Promise<void> {
    const sent = await firstValueFrom(this.dialog.open(InviteAccountDialogComponent, { maxWidth: '96vw' }).afterClosed());
    if (sent) void this.load(this.q(), this.role(), this.page());
  }

  private async save(user: AdminUserView, change: { roles?: Role[]; disabled?: boolean }): Promise<boolean> {
    this.saving.set(user.id);
    this.error.set(null);
    this.notice.set(null);
    try {
      const updated = await firstValueFrom(this.api.change(user.id, change));
      this.result.update((page) => (page ? { ...page, items: page.items.map((u) => (u.id === updated.id ? updated : u)) } : page));
      return true;
    } catch (error) {
      this.error.set(toUiMessage(error));
      return false;
    } finally {
      this.saving.set(null);
    }
  }

  private confirm(text: Omit<ConfirmDialogData, 'cancel'>): Promise<boolean> {
    const data: ConfirmDialogData = { ...text, cancel: this.i18n.t('users.actions.cancel') };
    return firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data, maxWidth: '96vw' }).afterClosed()).then((ok) => ok === true);
  }

  private async load(q: string, role: Role | '', page: number): Promise<void> {
    const mine = ++this.loadCount;
    this.loading.set(true);
    try {
      const result = await firstValueFrom(this.api.list({ page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(role ? { role } : {}) }));
      // An older answer arriving after a newer request is dropped.
      if (mine === this.loadCount) this.result.set(result);
    } catch (error) {
      if (mine === this.loadCount) this.error.set(toUiMessage(error));
    } finally {
      if (mine === this.loadCount) this.loading.set(false);
    }
  }
}
