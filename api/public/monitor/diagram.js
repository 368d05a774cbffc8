import { fa } from '../js/digits.js';
import { h } from '../js/dom.js';
import { compactDuration, percentText } from './labels.js';

const HEAT_LEVELS = 4;
const SMALL = new Set(['bpmn:ExclusiveGateway', 'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:BoundaryEvent']);

/** The heat level (0: nothing; 1–4 by quarter of the largest) of each element for the chosen measure. */
export function heatLevels(elements, measure) {
  const value = (e) => (measure === 'time' ? (e.medianMs ?? 0) : e.passes);
  const max = Math.max(0, ...elements.map(value));
  return new Map(
    elements.map((e) => [e.id, max && value(e) ? Math.max(1, Math.ceil((value(e) / max) * HEAT_LEVELS)) : 0]),
  );
}

/** The middle of a flow's longest segment, relative to the box of its waypoints (where diagram-js places an overlay). */
function flowMiddle(waypoints) {
  let best = [waypoints[0], waypoints[1] ?? waypoints[0]];
  for (let i = 1; i < waypoints.length; i++) {
    const [a, b] = [waypoints[i - 1], waypoints[i]];
    if (Math.hypot(b.x - a.x, b.y - a.y) > Math.hypot(best[1].x - best[0].x, best[1].y - best[0].y)) best = [a, b];
  }
  const [minX, minY] = [Math.min(...waypoints.map((p) => p.x)), Math.min(...waypoints.map((p) => p.y))];
  return { left: (best[0].x + best[1].x) / 2 - minX, top: (best[0].y + best[1].y) / 2 - minY };
}

/**
 * Draws the figures on the diagram: on each element the instances waiting now (a badge) and, below it, the visits
 * in the period with their median and 90th-percentile times; on each flow how often it was taken and its share of
 * its source's exits; each element coloured by its heat level. Visual only: the tables below say the same in text.
 */
export function drawFigures(viewer, figures, measure) {
  viewer.clear();
  const byId = new Map(figures.elements.map((e) => [e.id, e]));
  const heat = heatLevels(figures.elements, measure);
  for (const shape of viewer.elements()) {
    const e = byId.get(shape.id);
    if (e) {
      viewer.mark(e.id, `heat-${heat.get(e.id) ?? 0}`);
      if (e.waitingNow)
        viewer.overlay(e.id, { top: -12, right: 12 }, h('div', { class: 'mon-waiting' }, `${fa(e.waitingNow)} منتظر`));
      if (e.passes) {
        const text = `${fa(e.passes)} گذر · م ${compactDuration(e.medianMs)} · ۹۰٪ ${compactDuration(e.p90Ms)}`;
        const small = SMALL.has(e.type);
        // An event or a gateway takes no time; its times (zero) in a box three times its width covered the next
        // step's figures. It shows its visits; the times stay in its title and in the table.
        viewer.overlay(
          e.id,
          small ? { top: -24, left: -4 } : { bottom: 2, left: 2 },
          h('div', { class: `mon-figures${small ? ' small' : ''}`, title: text }, small ? `${fa(e.passes)} گذر` : text),
        );
      }
    }
    if (shape.waypoints) {
      const f = figures.flows.find((x) => x.id === shape.id);
      if (f)
        viewer.overlay(
          f.id,
          flowMiddle(shape.waypoints),
          h(
            'div',
            { class: `mon-flow${f.taken ? '' : ' none'}` },
            f.taken ? `${fa(f.taken)} · ${percentText(f.share)}` : fa(0),
          ),
        );
    }
  }
}
