/*
 * Counts that Operaton's code writes into the page itself, outside any AngularJS template, so no filter
 * reaches them: the diagram's badges of running instances and incidents (Cockpit's definition and instance
 * pages; bpmn-js overlays filled with jQuery's .text()). On a Persian page each is given Persian digits in
 * place, as soon as it is written or rewritten. Only these elements: ids, business keys, tracking codes and
 * variable values keep their Latin digits, since people copy and search them.
 */

import { persianDigits } from './digits.js';

const COUNTS = ['.djs-overlays .badge'];
const SELECTOR = COUNTS.join(',');
function persianText(node) {
  const text = persianDigits(node.data);
  // Compared first: writing the same text again would be another mutation, observed again.
  if (text !== node.data) node.data = text;
}

function rewrite(root) {
  const elements = root.matches?.(SELECTOR) ? [root] : [];
  elements.push(...(root.querySelectorAll?.(SELECTOR) ?? []));
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) persianText(node);
  }
}

/** Watches the page for the counts above and writes each in Persian digits. */
export function persianCounts(root = document.documentElement) {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // Only what changed is looked at: a badge added (with or without its count yet), or a count (re)written in one.
      if (record.type === 'characterData') {
        if (record.target.parentElement?.closest(SELECTOR)) persianText(record.target);
        continue;
      }
      const badge = record.target.closest?.(SELECTOR);
      if (badge) rewrite(badge);
      else for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) rewrite(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
}
