import { fa } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { durationText, OUTCOMES, PHASES, REASONS, unsuccessfulOf } from './labels.js';
import { s } from './svg.js';

const LABEL = 96;
const ROW = 24;

/**
 * Horizontal bars drawn right to left, as the page reads. Rows: { label, parts: [{ value, color }], text }.
 * The picture is for the eye; the table below holds the same numbers for screen readers and copying.
 */
function bars(container, rows, max, title) {
  // As wide as its box in CSS pixels, so the text is 12px on a phone as on a desktop.
  const W = Math.max(260, Math.round(container.clientWidth || 480));
  const BAR_END = W - LABEL - 8; // bars start at the right, next to their labels, and grow to the left
  // Right to left, so «۳ ثانیه» reads as written; each text starts (at its right end) at its x.
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${rows.length * ROW + 8}`,
    role: 'img',
    'aria-label': `${title}؛ ارقام دقیق در جدول فراوانی`,
    direction: 'rtl',
    'font-size': 12,
  });
  const scale = (BAR_END - 60) / Math.max(1, max);
  rows.forEach((row, i) => {
    const y = i * ROW + 4;
    svg.append(s('text', { x: W - 4, y: y + 15, 'text-anchor': 'start', fill: '#17232e' }, row.label));
    let x = BAR_END;
    for (const part of row.parts) {
      const len = part.value * scale;
      x -= len;
      if (len > 0)
        svg.append(s('rect', { x, y: y + 3, width: len, height: ROW - 8, rx: 2, fill: part.color }, undefined));
    }
    svg.append(s('text', { x: x - 4, y: y + 15, 'text-anchor': 'start', fill: '#52616e' }, row.text));
  });
  return svg;
}

/** A legend's colour swatch: set through the style object, which the pages' CSP allows (a style attribute it refuses). */
const swatch = (color) => {
  const el = h('span');
  el.style.background = color;
  return el;
};

const legend = (items) =>
  h(
    'ul',
    { class: 'legend' },
    items.map(([, label, color]) => h('li', {}, swatch(color), label)),
  );

export function drawCharts(report) {
  const periods = report.periods.map((p) => ({
    label: fa(p.period),
    parts: [
      { value: p.successful, color: OUTCOMES[0][2] },
      { value: unsuccessfulOf(p), color: OUTCOMES[1][2] },
      { value: p.open, color: OUTCOMES[2][2] },
    ],
    text: fa(p.started),
  }));
  const draw = (id, rows, title, ...more) =>
    $(id).replaceChildren(
      bars($(id), rows, Math.max(...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0))), title),
      ...more,
    );
  draw('#chart-periods', periods, 'درخواست‌ها در هر دوره', legend(OUTCOMES));
  const reasons = REASONS.map(([k, label]) => ({
    label,
    parts: [{ value: report.total.unsuccessful[k], color: '#b3261e' }],
    text: fa(report.total.unsuccessful[k]),
  }));
  draw('#chart-reasons', reasons, 'علت‌های ناموفق');
  const medians = PHASES.map(([k, label]) => ({
    label,
    parts: [{ value: report.total.medianSeconds[k] ?? 0, color: '#0b5c7d' }],
    text: durationText(report.total.medianSeconds[k]),
  }));
  draw('#chart-phases', medians, 'میانه زمان هر مرحله');
}
