const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Markup already escaped; only `html` makes one, so a value cannot be inserted unescaped by accident. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const render = (value: unknown): string =>
  value instanceof SafeHtml
    ? value.value
    : Array.isArray(value)
      ? value.map(render).join('')
      : escapeHtml(String(value ?? ''));

/** A template tag that escapes every interpolated value unless it is itself `html`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
}
