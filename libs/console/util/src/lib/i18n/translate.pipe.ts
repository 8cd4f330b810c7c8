import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { TranslationKey, TranslationParams } from './dictionary';
import { I18nService } from './i18n.service';
import type { UiMessage } from './ui-message';

/**
 * `{{ 'auth.signIn.title' | translate }}`. Impure on purpose: the result depends on the language
 * signal, not only on the key; reading that signal here makes the view re-render on a switch.
 * A lookup is one Map access, so running on every check costs nothing worth caching.
 */
@Pipe({ name: 'translate', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ error() | uiMessage }}` for a message that may come translated or from the API. */
@Pipe({ name: 'uiMessage', pure: false })
export class UiMessagePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(message: UiMessage | null | undefined): string {
    return message ? this.i18n.render(message) : '';
  }
}
