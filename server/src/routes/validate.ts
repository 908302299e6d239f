import type { z } from 'zod';
import { describeIssues } from '../../../shared/protocol';
import { AppError } from '../errors';

/** Validates a request part with a shared schema; a failure is a 400 naming the fields. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw new AppError('validation_failed', describeIssues(result.error));
  return result.data;
}

/**
 * Whether a parsed payload holds U+0000 anywhere (keys or strings). PostgreSQL text cannot store it, so it is
 * refused at the boundary for every dialect alike. Iterative: a deeply nested payload cannot overflow the stack.
 */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
