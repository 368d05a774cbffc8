import { fa } from './digits.js';
import { showNotices } from './notices.js';

const clock = new Intl.DateTimeFormat('fa-IR', { hour: '2-digit', minute: '2-digit' });

/** How long to wait, in words: «حدود ۴۵ ثانیه» or «حدود ۳ دقیقه (تا ساعت ۱۰:۴۵)». */
export function waitText(seconds, retryAt) {
  if (!seconds) return '';
  const until = retryAt ? ` (تا ساعت ${clock.format(new Date(retryAt))})` : '';
  return seconds < 60 ? `حدود ${fa(seconds)} ثانیه${until}` : `حدود ${fa(Math.ceil(seconds / 60))} دقیقه${until}`;
}

/**
 * A refused login as the page says it: the server's one generic text whatever was wrong, and for a
 * temporary lock (or too many requests) the wait as well, so the person knows when to come back.
 */
export function showLoginError(apiError) {
  const { id, text, retryAfterSeconds, retryAt } = apiError.error;
  const wait =
    (id === 'account_locked' || id === 'rate_limited') && retryAfterSeconds
      ? ` زمان انتظار: ${waitText(retryAfterSeconds, retryAt)}.`
      : '';
  showNotices([{ type: 'error', text: { fa: `${text.fa}${wait}` } }]);
}
