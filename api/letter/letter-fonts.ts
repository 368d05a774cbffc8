import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The installed @fontsource/vazirmatn package: its CSS and its woff2 files are served as they are. */
export const fontPackageDir = path.dirname(
  createRequire(import.meta.url).resolve('@fontsource/vazirmatn/package.json'),
);

const EMBEDDED = /^vazirmatn-(arabic|latin)-\d+-normal\.woff2$/;

let css: string | undefined;

/**
 * The letter carries its font inside, so it prints the same wherever it is opened: the form shows it
 * as a blob URL, which cannot load /fonts/ by a relative address. The package's own CSS gives each
 * subset's unicode-range; only the Persian and Latin subsets are embedded (about 80 KB).
 */
export function embeddedFontCss(): string {
  css ??= ['400.css', '700.css']
    .flatMap((file) => readFileSync(path.join(fontPackageDir, file), 'utf8').split('@font-face'))
    .map((block) => ({ block, file: /url\(\.\/files\/([\w-]+\.woff2)\)/.exec(block)?.[1] }))
    .filter((f): f is { block: string; file: string } => !!f.file && EMBEDDED.test(f.file))
    .map(({ block, file }) => {
      const data = readFileSync(path.join(fontPackageDir, 'files', file)).toString('base64');
      return `@font-face${block.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`).replace(/\/\*[^*]*\*\//g, '')}`;
    })
    .join('\n');
  return css;
}
