import { JobGoneError } from '../../adapters/camunda/camunda-client.js';

/** The job a user task waited on is gone: completed elsewhere, or ended by a timer or a cancellation (gRPC NOT_FOUND). */
export const jobGone = (e: unknown) =>
  e instanceof JobGoneError || (e as { code?: unknown }).code === 5 || /NOT_FOUND/.test(String((e as Error).message));
