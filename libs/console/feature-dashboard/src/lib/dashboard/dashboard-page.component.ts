import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { ROLES, type Role } from '@laurel/contracts';
import { AuthStore } from '@laurel/console-data-access-auth';
import { AlertComponent, LinkTileComponent } from '@laurel/console-ui';
import {
  CONSOLE_AREAS,
  I18nService,
  type TranslationKey,
  TranslatePipe,
  areaByPath,
  areaDescriptionKey,
  areaTitleKey,
  areasOfRole,
  roleKey,
} from '@laurel/console-util';

import { ContestGlanceComponent } from './contest-glance.component';

const roleIntroKey = (role: Role): TranslationKey => `dashboard.roleIntro.${role}`;

/** One section per role the person holds, each with the links that role has. */
@Component({
  selector: 'laurel-dashboard-page',
  imports: [AlertComponent, LinkTileComponent, TranslatePipe, ContestGlanceComponent],
  templateUrl: './dashboard-page.component.html',
  styleUrl: './dashboard-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPageComponent {
  /** Query parameter set by `roleGuard`: the path the person was not allowed into. */
  readonly denied = input<string>();

  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;
  protected readonly roleKey = roleKey;
  protected readonly roleIntroKey = roleIntroKey;
  protected readonly areaTitleKey = areaTitleKey;
  protected readonly areaDescriptionKey = areaDescriptionKey;

  protected readonly sections = computed(() =>
    ROLES.filter((role) => this.auth.roles().includes(role)).map((role) => ({ role, areas: areasOfRole(role) })),
  );
  protected readonly everyoneAreas = CONSOLE_AREAS.filter((area) => area.audience === 'everyone');
  protected readonly roleNames = computed(() => this.i18n.formatList(this.auth.roles().map((role) => this.i18n.t(roleKey(role)))));

  protected readonly deniedText = computed(() => {
    const path = this.denied();
    if (!path) return null;
    const area = areaByPath(path);
    if (!area || !Array.isArray(area.audience)) return this.i18n.t('errors.forbidden');
    const roles = area.audience.map((role: Role) => this.i18n.t(roleKey(role)));
    return this.i18n.t('errors.roleRequired', {
      area: this.i18n.t(areaTitleKey(area.id)),
      roles: this.i18n.formatList(roles, 'disjunction'),
    });
  });

  protected dismissDenied(): void {
    void this.router.navigate([], { queryParams: { denied: null }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
