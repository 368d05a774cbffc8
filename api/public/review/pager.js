import { fa } from '../js/digits.js';
import { h } from '../js/dom.js';

/** A page of the queue is in the address (#page-3), so reload, back and forward keep it; page 1 is the bare page. */
export const pageHash = (page) => (page > 1 ? `#page-${page}` : '#');

/** The page the address names, or null when it names a request (#<id>) instead. */
export function pageFromHash(hash) {
  if (hash === '' || hash === '#') return 1;
  const m = /^#page-(\d{1,9})$/.exec(hash);
  // Within what the API accepts: a page past the last shows the last.
  return m ? Math.min(Math.max(1, Number(m[1])), 1_000_000) : null;
}

/** The pages to offer: the first, the last, and two either side of this one; a gap between them is null. */
export function pageNumbers(page, pages) {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((p, i) => (i > 0 && p - shown[i - 1] > 1 ? [null, p] : [p]));
}

/**
 * The page controls: previous, the numbered pages, next, as links (Tab reaches them, Enter follows them, and
 * the browser's back returns). Right to left, previous stands on the right; the current page is marked for
 * screen readers. There is no previous on the first page and no next on the last.
 */
export function pager(page, pages) {
  const link = (p, text, label, rel) =>
    h('a', { href: pageHash(p), class: 'pager-link', 'aria-label': label, rel }, text);
  return [
    page > 1 ? link(page - 1, '→ صفحه قبل', `صفحه قبل، صفحه ${fa(page - 1)}`, 'prev') : null,
    h(
      'ul',
      { class: 'pager-pages' },
      pageNumbers(page, pages).map((p) =>
        h(
          'li',
          {},
          p === null
            ? h('span', { class: 'pager-gap', 'aria-hidden': 'true' }, '…')
            : h(
                'a',
                {
                  href: pageHash(p),
                  class: p === page ? 'pager-link current' : 'pager-link',
                  'aria-label': `صفحه ${fa(p)}`,
                  'aria-current': p === page ? 'page' : undefined,
                },
                fa(p),
              ),
        ),
      ),
    ),
    page < pages ? link(page + 1, 'صفحه بعد ←', `صفحه بعد، صفحه ${fa(page + 1)}`, 'next') : null,
  ].filter(Boolean);
}
