import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the issue and the law ask of a public service's pages.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's violations on the page as it is now, at WCAG A and AA. The script is evaluated through the
 * debugging protocol, which the pages' CSP (script-src 'self') does not govern, so the page is tested
 * with its real policy. Frames are left out: the only one is the browser's own PDF viewer.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } })
      .axe;
    return (
      await axe.run(
        { exclude: [['iframe']] },
        { runOnly: { type: 'tag', values: tags }, iframes: false, resultTypes: ['violations'] },
      )
    ).violations;
  }, WCAG_TAGS);
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
    ),
  );
}
