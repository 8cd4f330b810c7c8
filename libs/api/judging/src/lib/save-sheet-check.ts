import { isUUID, maxLength } from 'class-validator';

const SHEET_KEYS: ReadonlySet<string> = new Set(['scores', 'comment', 'commentInternal', 'version']);
const SCORE_KEYS: ReadonlySet<string> = new Set(['criterionId', 'value', 'comment', 'commentInternal']);

/** A JSON object as Fastify parses it (not an array, not null, no prototype of its own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

/** `@IsOptional() @IsString() @MaxLength(max)`, with absent the only way to be left out (null goes the long way). */
const optionalText = (value: unknown, max: number) => value === undefined || (typeof value === 'string' && maxLength(value, max));
const optionalBoolean = (value: unknown) => value === undefined || typeof value === 'boolean';

function isScoreAsIs(score: unknown): boolean {
  return (
    isPlainObject(score) &&
    onlyKeys(score, SCORE_KEYS) &&
    typeof score['criterionId'] === 'string' &&
    isUUID(score['criterionId'], 'all') &&
    typeof score['value'] === 'number' &&
    Number.isFinite(score['value']) &&
    optionalText(score['comment'], 4000) &&
    optionalBoolean(score['commentInternal'])
  );
}

/**
 * True only for a sheet save body that `SaveSheetDto`'s decorators pass unchanged, checked with
 * class-validator's own functions (isUUID, maxLength) where a rule is more than a type:
 * - `scores`: an array of at most 100 plain objects, each with only criterionId (a UUID), value
 *   (a finite number), and optionally comment (text of at most 4,000 characters) and
 *   commentInternal (a boolean);
 * - optionally `comment` (text of at most 10,000 characters), `commentInternal` (a boolean) and
 *   `version` (a whole number ≥ 0), nothing else.
 * Anything else, even what the decorators would pass (a null optional field), answers false and
 * goes through class-validator, which gives the refusal its usual words.
 */
export function saveSheetBodyAsIs(body: unknown): boolean {
  if (!isPlainObject(body) || !onlyKeys(body, SHEET_KEYS)) return false;
  const { scores, version } = body;
  if (!Array.isArray(scores) || scores.length > 100) return false;
  for (const score of scores) if (!isScoreAsIs(score)) return false;
  return (
    optionalText(body['comment'], 10_000) &&
    optionalBoolean(body['commentInternal']) &&
    (version === undefined || (typeof version === 'number' && Number.isInteger(version) && version >= 0))
  );
}
