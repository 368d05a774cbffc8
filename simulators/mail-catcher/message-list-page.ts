import type { StoredMessage } from './message-store.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every field here comes from whoever connected to the SMTP port, so all of it is escaped. */
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

export function renderMessageListPage(messages: readonly StoredMessage[]): string {
  const rows = [...messages].reverse().map(
    (m) => `<tr>
  <td>${escapeHtml(m.receivedAt)}</td><td dir="auto">${escapeHtml(m.from)}</td>
  <td>${escapeHtml(m.to.join(', '))}</td>
  <td dir="auto"><a href="/messages/${escapeHtml(encodeURIComponent(m.id))}">${escapeHtml(m.subject || '(no subject)')}</a></td>
</tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mail catcher</title>
<style>body{font-family:sans-serif}td,th{padding:4px 8px;text-align:start;border-bottom:1px solid #ddd}</style>
</head><body><h1>Mail catcher</h1><p>${messages.length} message(s), newest first. Development only.</p>
<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>`;
}
