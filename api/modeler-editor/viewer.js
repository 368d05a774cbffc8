// The monitor page's diagram: bpmn-js's NavigatedViewer (read only, pan and zoom), bundled with the modeler's
// editor by ops/modeler-bundle.ts into .cache/modeler/ and served same-origin at /modeler/assets/viewer.js. The
// page logic, figures and overlays are api/public/monitor/*.js.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

/** A read-only diagram in `canvas`, with overlays (HTML the page builds) and markers (CSS classes) per element. */
export function createViewer({ canvas }) {
  // Overlays shrink with the diagram only down to 90 %: below that their figures would be too small to read.
  const viewer = new NavigatedViewer({ container: canvas, overlays: { defaults: { scale: { min: 0.9 } } } });
  /**
   * The card's diagram is wide (some 2,600 by 600 units): fitted to a screen's width its labels could not be read.
   * It is shown at the scale that fits its height (at most 1:1), from its left end, where the process starts; the
   * reader pans (drag, or the scroll wheel) along it.
   */
  const fitHeight = () => {
    const c = viewer.get('canvas');
    c.resized();
    const { outer, inner } = c.viewbox();
    // A container not laid out yet (or shrunk to nothing while the page reflows) has no scale to fit: a zero or
    // negative one would reach the SVG matrix as infinity, which the browser refuses with a page error.
    if (!inner.width || !outer.width || outer.height <= 20) return;
    const scale = Math.min(1, (outer.height - 20) / (inner.height + 40));
    c.viewbox({ x: inner.x - 20, y: inner.y - 20, width: outer.width / scale, height: outer.height / scale });
  };
  new ResizeObserver(() => viewer.get('elementRegistry').getAll().length && fitHeight()).observe(canvas);
  const overlays = () => viewer.get('overlays');
  const registry = () => viewer.get('elementRegistry');
  let marked = [];
  return {
    async open(xml) {
      // A new diagram replaces the shapes and their markers: the old ids, gone from the registry, must not be
      // unmarked later (diagram-js throws on an id it does not know, which broke the page on a change of process).
      marked = [];
      await viewer.importXML(xml);
      fitHeight();
    },
    /** The elements and flows drawn: id, BPMN type, and for flows the point halfway along. */
    elements() {
      return registry()
        .filter((e) => !e.labelTarget && e.type !== 'bpmn:Process')
        .map((e) => ({
          id: e.id,
          type: e.type,
          width: e.width ?? 0,
          height: e.height ?? 0,
          waypoints: e.waypoints ?? null,
          x: e.x ?? 0,
          y: e.y ?? 0,
        }));
    },
    overlay(id, position, html) {
      if (registry().get(id)) overlays().add(id, { position, html });
    },
    mark(id, className) {
      if (!registry().get(id)) return;
      viewer.get('canvas').addMarker(id, className);
      marked.push([id, className]);
    },
    clear() {
      overlays().clear();
      for (const [id, c] of marked) if (registry().get(id)) viewer.get('canvas').removeMarker(id, c);
      marked = [];
    },
    destroy: () => viewer.destroy(),
  };
}
