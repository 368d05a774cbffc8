import { durationMs } from '../domain/iso-duration.js';

/** An instant as the API writes it (ISO-8601, UTC), or null. */
export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** When a task that began at `createdAt` is due, by the process timer's ISO-8601 duration. */
export const dueAt = (createdAt: Date | string, isoDuration: string) =>
  new Date(new Date(createdAt).getTime() + durationMs(isoDuration));
