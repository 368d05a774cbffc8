import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLocale, readFromJar, webjarPath } from '../support/webjar.js';

const OURS = 'engine/src/main/resources/META-INF/resources/webjars/operaton/app';
const APPS = ['cockpit', 'tasklist', 'admin', 'welcome'] as const;
const shipped = (app: string) =>
  parseLocale(readFromJar(webjarPath(), `META-INF/resources/webjars/operaton/app/${app}/locales/en.json`));
const ours = (app: string) => parseLocale(readFileSync(`${OURS}/${app}/locales/fa.json`));

/** What must survive translation byte for byte: {{placeholders}}, markup and entities. */
const fixedParts = (text: string) => (text.match(/\{\{[^}]*\}\}|<[^>]*>|&[a-z]+;/g) ?? []).sort();

describe('the staff apps speak Persian', () => {
  describe.each(APPS)('%s', (app) => {
    it("has a fa.json with every label the shipped en.json has, and no other, and each label's placeholders and markup kept", () => {
      // Given the English locale Operaton ships in its webjar (the jar Maven built the engine with)
      const en = shipped(app);
      expect(existsSync(`${OURS}/${app}/locales/fa.json`), `${app}/locales/fa.json`).toBe(true);
      const fa = ours(app);

      // Then ours has exactly its keys, with Persian in place of English, and the same date-locale parts
      const missing = Object.keys(en.labels).filter((k) => !(k in fa.labels));
      const extra = Object.keys(fa.labels).filter((k) => !(k in en.labels));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      // (Welcome's en.json has no dateLocales: then ours has none either.)
      expect(Object.keys(fa.dateLocales ?? {}).sort()).toEqual(Object.keys(en.dateLocales ?? {}).sort());
      const broken = Object.keys(en.labels).filter(
        (k) => JSON.stringify(fixedParts(en.labels[k]!)) !== JSON.stringify(fixedParts(fa.labels[k]!)),
      );
      expect(broken).toEqual([]);
      const persian = Object.values(fa.labels).filter((v) => /[\u0600-\u06FF]/.test(v)).length;
      expect(persian / Object.keys(fa.labels).length).toBeGreaterThan(0.9);
    });

    it('offers Persian first and English to a browser that asks for it, through our config.js', async () => {
      const config = (await import(pathToFileURL(path.resolve(`${OURS}/${app}/scripts/config.js`)).href)) as {
        default: { locales: unknown; customScripts: string[]; requireJsConfig: { ngDeps: string[] } };
      };
      expect(config.default.locales).toEqual({ availableLocales: ['fa', 'en'], fallbackLocale: 'fa' });
      expect(config.default.customScripts).toContain('../payam-staff/staff-locale');
      expect(config.default.requireJsConfig.ngDeps).toContain('payam.staffLocale');
    });
  });

  it("keeps Tasklist's shipped keyboard shortcuts in our config.js", async () => {
    const config = (await import(pathToFileURL(path.resolve(`${OURS}/tasklist/scripts/config.js`)).href)) as {
      default: { shortcuts: Record<string, { key: string }> };
    };
    expect(Object.fromEntries(Object.entries(config.default.shortcuts).map(([k, v]) => [k, v.key]))).toEqual({
      claimTask: 'ctrl+alt+c',
      focusFilter: 'ctrl+shift+f',
      focusList: 'ctrl+alt+l',
      focusForm: 'ctrl+alt+f',
      startProcess: 'ctrl+alt+p',
    });
  });

  it('serves the Vazirmatn files of the installed @fontsource/vazirmatn, unchanged', () => {
    const fontsource = path.dirname(createRequire(import.meta.url).resolve('@fontsource/vazirmatn/package.json'));
    for (const file of [
      'vazirmatn-arabic-400-normal.woff2',
      'vazirmatn-arabic-700-normal.woff2',
      'vazirmatn-latin-400-normal.woff2',
      'vazirmatn-latin-700-normal.woff2',
    ]) {
      expect(
        readFileSync(`${OURS}/payam-staff/fonts/${file}`).equals(readFileSync(`${fontsource}/files/${file}`)),
        file,
      ).toBe(true);
    }
  });
});
