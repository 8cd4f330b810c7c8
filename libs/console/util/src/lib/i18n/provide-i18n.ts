import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { I18nTitleStrategy } from './i18n-title.strategy';
import { I18nService } from './i18n.service';

/** Loads the visitor's dictionary before the first render, so no page ever shows bare keys. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => inject(I18nService).ready()),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
  ]);
}
