/** `?page=&pageSize=` of a paged list: 1-based; each list says its default size and its largest. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}
