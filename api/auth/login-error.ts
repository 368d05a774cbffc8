import { AppError } from '../errors/app-error.js';
import type { LoginAttempt } from './attempt-login.js';

/** The one answer a failed login gets: nothing in it says which part was wrong. */
export function loginError(attempt: Exclude<LoginAttempt<unknown>, { outcome: 'success' }>, now: Date): AppError {
  if (attempt.outcome === 'account_locked') {
    const retryAfterSeconds = Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 1000));
    return new AppError('account_locked', 429, [], { retryAt: attempt.retryAt.toISOString(), retryAfterSeconds });
  }
  return new AppError('invalid_credentials', 401);
}
