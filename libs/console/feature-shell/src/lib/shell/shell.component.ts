import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatListSubheaderCssMatStyler, MatNavList } from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AUTH_PATHS, AuthStore } from '@laurel/console-data-access-auth';
import { registerLaurelIcons } from '@laurel/console-ui';
import { I18nService, type Language, TranslatePipe, areaTitleKey, roleKey } from '@laurel/console-util';
import { filter, map } from 'rxjs';
import { navSections } from './navigation';
import { VerifyBannerComponent } from '../verify-banner/verify-banner.component';

/** Below this width the navigation becomes a drawer behind a menu button (tablets in portrait). */
const COMPACT_QUERY = '(max-width: 1023.98px)';

@Component({
  selector: 'laurel-shell',
  imports: [
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatDivider,
    MatIcon,
    MatIconButton,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatListSubheaderCssMatStyler,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    TranslatePipe,
    VerifyBannerComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly paths = AUTH_PATHS;
  protected readonly roleKey = roleKey;
  protected readonly areaTitleKey = areaTitleKey;
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Whether the drawer is open; only meaningful in the compact layout. */
  protected readonly drawerOpen = signal(false);
  protected readonly sections = computed(() => navSections(this.auth.isSignedIn(), this.auth.roles()));
  protected readonly roleNames = computed(() => this.i18n.formatList(this.auth.roles().map((role) => this.i18n.t(roleKey(role)))));

  constructor() {
    // Every page lives inside the shell, so the shell is where the icons get registered.
    registerLaurelIcons();
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected setLanguage(language: Language): void {
    void this.i18n.use(language);
  }

  protected signOut(): void {
    this.auth.signOut();
    void this.router.navigateByUrl(AUTH_PATHS.signIn);
  }
}
