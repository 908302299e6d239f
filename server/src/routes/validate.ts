import type { z } from 'zod';
import { describeIssues } from '../../../shared/protocol';
import { AppError } from '../errors';

/** Validates a request part with a shared schema; a failure is a 400 naming the fields. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw new AppError('validation_failed', describeIssues(result.error));
  return result.data;
}
