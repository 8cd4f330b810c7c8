import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import type { TranslationKey } from './dictionary';
import { I18nService } from './i18n.service';

/** Route `title`s are translation keys; the tab title follows the page and the language. */
@Injectable()
export class I18nTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18nService);
  private readonly title = inject(Title);
  private readonly pageKey = signal<TranslationKey | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const key = this.pageKey();
      const name = this.i18n.t('app.name');
      this.title.setTitle(key ? this.i18n.t('app.pageTitle', { page: this.i18n.t(key) }) : name);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot) as TranslationKey | undefined);
  }
}
