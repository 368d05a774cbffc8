import { $, whileBusy } from '../js/dom.js';
import { clearNotices } from '../js/notices.js';

/** A button that clears the notices, runs `work` while marked busy, and hands an error to `onError`. */
export function onAction(selector, work, onError) {
  $(selector).addEventListener('click', (ev) =>
    whileBusy(ev.currentTarget, async () => {
      try {
        clearNotices();
        await work();
      } catch (e) {
        onError(e);
      }
    }),
  );
}
