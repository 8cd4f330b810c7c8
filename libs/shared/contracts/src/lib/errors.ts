/** The one error shape every refusal of the API has. */
export interface ApiError {
  statusCode: number;
  error: string;
  /** A sentence a person can act on (English; the console translates `code` when it knows it). */
  message: string;
  /** A stable machine code such as `auth.invalid_credentials`, for translation and tests. */
  code?: string;
  /** Per-field problems of a 400 or 422. */
  fields?: { field: string; message: string }[];
  /** Figures behind a refusal, e.g. the council's tally of a 422 `awards.not_approved`. */
  details?: Record<string, unknown>;
}
