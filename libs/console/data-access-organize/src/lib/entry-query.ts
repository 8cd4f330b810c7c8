import type { EntryFilterQuery, EntryListQuery } from '@laurel/contracts';

/** The entry list's filter as the page holds it: '' means "any" and is left out of the request. */
export type EntryFilter = { [K in keyof EntryFilterQuery]?: EntryFilterQuery[K] | '' };

/** The entry list as the page asks for it: a filter, a page and an order. */
export type EntryQuery = EntryFilter & Required<Pick<EntryListQuery, 'page' | 'pageSize'>> & Pick<EntryListQuery, 'sort' | 'order'>;
