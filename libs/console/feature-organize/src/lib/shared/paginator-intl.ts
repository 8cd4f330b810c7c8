import { Injectable, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from '@laurel/console-util';

/** The paginator's words in the console's language, following a language switch. */
@Injectable()
export class OrganizePaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      this.itemsPerPageLabel = this.i18n.t('organize.entries.paginator.itemsPerPage');
      this.nextPageLabel = this.i18n.t('organize.entries.paginator.next');
      this.previousPageLabel = this.i18n.t('organize.entries.paginator.previous');
      this.firstPageLabel = this.i18n.t('organize.entries.paginator.first');
      this.lastPageLabel = this.i18n.t('organize.entries.paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.i18n.t('organize.entries.paginator.range', { start, end, total: length });
  };
}
