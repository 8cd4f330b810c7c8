const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id of Laurel is a UUID (the API's `isUuid` reads the same); any other string names nothing. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
