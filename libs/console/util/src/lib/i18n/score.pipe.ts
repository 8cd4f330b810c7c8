import { Pipe, type PipeTransform, inject } from '@angular/core';
import { formatNumber, formatScore } from './format';
import { I18nService } from './i18n.service';

/** `{{ total | score }}`: two decimals (or `| score: 1`) in the current language; "—" for nothing. Impure like `translate`: it follows the language signal. */
@Pipe({ name: 'score', pure: false })
export class ScorePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number | null | undefined, decimals = 2): string {
    return formatScore(value, this.i18n.locale(), decimals);
  }
}

/** `{{ criterion.maxScore | quantity }}`: a number as the reader writes it, "7,5" in Vietnamese and "7.5" in English. */
@Pipe({ name: 'quantity', pure: false })
export class QuantityPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number): string {
    return formatNumber(value, this.i18n.locale());
  }
}
