import type { ApiErrorCode, ApiFieldProblemCode } from './error-codes';

/**
 * The values a refusal's sentence needs, by name: a round's name, a limit, a version. A client
 * words the refusal from its `code` and these, in its reader's language; it never takes them
 * out of the English `message`. A number is a quantity (a client writes it its reader's way, "7,5"
 * in Vietnamese); a name ending in `At` holds an ISO 8601 instant; one ending in `Bytes` a size in bytes.
 */
export type ErrorParams = Record<string, string | number>;

/** One field's problem in a 400 or 422. */
export interface ApiFieldProblem {
  /** Where: `title`, `members.0.email`, `formFields.2.key`, `rounds.1.criteria`. */
  field: string;
  /** What is wrong and what to do, in English. */
  message: string;
  /** What kind of problem (`required`, `max_length`, `round.no_rubric`…; `API_FIELD_PROBLEM_CODES`). */
  code: ApiFieldProblemCode;
  /** The values the problem's sentence needs. */
  params?: ErrorParams;
  /** The limit that was passed, when there is one. */
  limit?: number;
}

/** The one error shape every refusal of the API has. */
export interface ApiError {
  statusCode: number;
  error: string;
  /** A sentence a person can act on, in English; the console words `code` and `params` itself. */
  message: string;
  /** A stable machine code such as `auth.invalid_credentials`, for translation and tests (`API_ERROR_CODES`). */
  code?: ApiErrorCode;
  /** The values the sentence of `code` needs (e.g. `{ round: "Vòng chung kết" }`). */
  params?: ErrorParams;
  /** Per-field problems of a 400 or 422. */
  fields?: ApiFieldProblem[];
  /** Figures behind a refusal, e.g. the council's tally of a 422 `awards.not_approved`. */
  details?: Record<string, unknown>;
}
