/*
 * Tasklist draws Camunda Forms with form-js, whose own words (a select's placeholder, a required field's
 * message) are English and not in any locale file. Our forms' labels are ours (bilingual, in bpmn/*.form);
 * these are the library's, which a reviewer meets on the review form: on a Persian page each is given its
 * Persian in place. The text node itself is changed, not replaced, so form-js (Preact) keeps updating it.
 */

const WORDS = {
  Select: 'برگزینید',
  'Field is required.': 'این فیلد را پر کنید.',
  Search: 'جستجو',
  'No results': 'چیزی یافت نشد',
};

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const persian = WORDS[node.data.trim()];
    if (persian && node.parentElement?.closest('.fjs-container')) node.data = persian;
  }
}

/** Watches the page for form-js's words and gives each its Persian as soon as it is drawn. */
export function persianFormWords(body = document.body) {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target.nodeType === Node.TEXT_NODE ? record.target.parentNode : record.target;
      if (
        target?.nodeType === Node.ELEMENT_NODE &&
        (target.closest('.fjs-container') || target.querySelector('.fjs-container'))
      )
        translate(target);
    }
  });
  observer.observe(body, { childList: true, subtree: true, characterData: true });
}
