import type { ValueTransformer } from 'typeorm';

/** pg returns NUMERIC as a string to keep precision; our values fit a double exactly enough. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
