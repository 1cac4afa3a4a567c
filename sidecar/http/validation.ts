// Input checking for every route: zod schemas, with each problem reported against the field it
// concerns (400), and unknown fields refused rather than ignored.
import { z } from 'zod';
import { SYNC_AREAS } from '../sync/sync-states.js';
import { HttpError, type FieldProblem } from './errors.js';

function problemsOf(error: z.ZodError, whole: string): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const field = issue.path.map(String).join('.') || whole;
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...issue.path.map(String), key].join('.'), problem: 'is not a field this request accepts' }));
    return [{ field, problem: issue.message }];
  });
}

/** The parsed value, or an HttpError 400 saying what is wrong with `what` ("request body", "query"). */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError(400, `The ${what} is not valid.`, problemsOf(result.error, what));
}

/** A positive database id written in decimal, as it appears in a path or query string. */
export const idText = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, { error: 'must be a positive whole number' })
  .transform(Number)
  .refine((id) => id <= 4_294_967_295, { error: 'is larger than any Magento id' });

export const areaSchema = z.enum(SYNC_AREAS, { error: 'must be carts, orders or customers' });

/** A whole number between min and max written in decimal (query strings carry text). */
export function wholeNumberText(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,10}$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `must be a whole number from ${min} to ${max}` });
}
