// Reading an untrusted request against its channel's schema, for every contract table (services,
// friends, desktop): the first problem becomes a ClashlessError('bad-request') that names the field.
import type { z } from 'zod';
import { ClashlessError } from './errors.ts';

export function parseChannelRequest<T>(schema: z.ZodType<T>, channel: string, payload: unknown): T {
  const result = schema.safeParse(payload === undefined ? {} : payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  throw new ClashlessError('bad-request', `Invalid request for ${channel}: ${issue?.message ?? 'invalid request'}`, path ? `field ${path}` : undefined);
}
