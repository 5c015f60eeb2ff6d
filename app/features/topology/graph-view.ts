import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { graphStyle } from './graph-style.ts';
import { anchorId, type Point } from './layout.ts';
import type { GraphNode, GraphPatch } from './model.ts';

/** GraphView is the drawn topology: cytoscape, updated by patches in one batch each. */
export interface GraphView {
  cy: Core;
  apply(patch: GraphPatch, positions: Map<string, Point>): void;
  setTheme(theme: 'light' | 'dark'): void;
  fit(): void;
  zoom(factor: number): void;
  /** step moves the keyboard focus to the nearest node in a direction and returns it */
  step(dir: 'left' | 'right' | 'up' | 'down'): NodeSingular | undefined;
  focused(): NodeSingular | undefined;
  destroy(): void;
}

function nodeData(n: GraphNode): ElementDefinition['data'] {
  const label = n.kind === 'Node' ? `${n.label} · ${n.status}` : n.status ? `${n.label}\n${n.status}` : n.label;
  return { id: n.id, label, kind: n.kind, ...(n.parent ? { parent: n.parent } : {}), ...(n.ref ? { ref: n.ref } : {}) };
}

/**
 * createGraphView draws into `container`. Positions come from StableLayout
 * (preset layout: no force simulation, so nothing jumps). Moves animate
 * briefly unless the system asks for reduced motion.
 */
export function createGraphView(container: HTMLElement, theme: 'light' | 'dark', onSelect: (n: NodeSingular | null) => void): GraphView {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const cy = cytoscape({
    container,
    style: graphStyle(theme),
    layout: { name: 'preset' },
    minZoom: 0.1,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    autoungrabify: true,
    hideEdgesOnViewport: true,
    textureOnViewport: false,
  });
  cy.on('tap', 'node', (e) => {
    const n = e.target as NodeSingular;
    if (n.hasClass('anchor')) return;
    setFocus(n);
    onSelect(n);
  });
  cy.on('tap', (e) => {
    if (e.target === cy) onSelect(null);
  });
  let focusId: string | undefined;
  const setFocus = (n: NodeSingular | undefined) => {
    cy.$('.kb-focus').removeClass('kb-focus');
    focusId = n?.id();
    n?.addClass('kb-focus');
  };
  let fitted = false;

  return {
    cy,
    apply(patch, positions) {
      cy.batch(() => {
        // Order matters for compound nodes: new boxes before their pods, moves before a box
        // is removed (removing a parent removes its children), edges last.
        const adds = [...patch.addNodes].sort((a, b) => (a.kind === 'Node' ? 0 : 1) - (b.kind === 'Node' ? 0 : 1));
        const els: ElementDefinition[] = [];
        for (const n of adds) {
          els.push({ group: 'nodes', data: nodeData(n), classes: n.cls, position: positions.get(n.id) });
          if (n.kind === 'Node') {
            for (const side of ['l', 'r'] as const) els.push({ group: 'nodes', data: { id: anchorId(n.id, side), parent: n.id }, classes: 'anchor', position: positions.get(anchorId(n.id, side)) });
          }
        }
        cy.add(els);
        for (const n of patch.updateNodes) {
          const el = cy.getElementById(n.id);
          if (el.empty()) continue;
          if ((el.data('parent') ?? undefined) !== n.parent) el.move({ parent: n.parent ?? null });
          el.data(nodeData(n));
          el.classes(n.cls);
        }
        for (const id of patch.removeEdges) cy.getElementById(id).remove();
        for (const id of patch.removeNodes) cy.getElementById(id).remove();
        cy.add(patch.addEdges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target }, classes: e.cls })));
        cy.nodes().forEach((n) => {
          if (n.isParent()) return;
          const p = positions.get(n.id());
          if (!p) return;
          const cur = n.position();
          if (cur.x === p.x && cur.y === p.y) return;
          if (reduced || patch.addNodes.some((a) => a.id === n.id())) n.position(p);
          else n.animate({ position: p }, { duration: 180, easing: 'ease-out' });
        });
      });
      // A new lab (reset, import, rewind) starts from an empty graph: fit it again once it fills.
      if (cy.nodes().length === 0) fitted = false;
      if (!fitted && cy.nodes().length > 0) {
        fitted = true;
        cy.fit(undefined, 24);
      }
    },
    setTheme(t) {
      cy.style(graphStyle(t));
    },
    fit() {
      if (reduced) cy.fit(undefined, 24);
      else cy.animate({ fit: { eles: cy.elements(), padding: 24 } }, { duration: 200 });
    },
    zoom(factor) {
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
    },
    step(dir) {
      const all = cy.nodes().filter((n) => !n.hasClass('anchor') && !n.isParent());
      if (all.empty()) return undefined;
      const cur = focusId ? cy.getElementById(focusId) : undefined;
      if (!cur || cur.empty()) {
        const first = (all.toArray() as NodeSingular[]).sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'))[0]!;
        setFocus(first);
        return first;
      }
      const c = cur.position();
      let best: NodeSingular | undefined;
      let bestScore = Infinity;
      all.forEach((n) => {
        if (n.id() === cur.id()) return;
        const p = n.position();
        const dx = p.x - c.x;
        const dy = p.y - c.y;
        const along = dir === 'left' ? -dx : dir === 'right' ? dx : dir === 'up' ? -dy : dy;
        const across = dir === 'left' || dir === 'right' ? Math.abs(dy) : Math.abs(dx);
        if (along <= 0) return;
        const score = along + across * 2;
        if (score < bestScore) {
          bestScore = score;
          best = n;
        }
      });
      if (best) {
        setFocus(best);
        if (!best.renderedBoundingBox().x1 || best.renderedBoundingBox().x2 > container.clientWidth || best.renderedBoundingBox().y2 > container.clientHeight || best.renderedBoundingBox().x1 < 0 || best.renderedBoundingBox().y1 < 0) cy.center(best);
      }
      return best;
    },
    focused() {
      const n = focusId ? cy.getElementById(focusId) : undefined;
      return n && !n.empty() ? (n as NodeSingular) : undefined;
    },
    destroy() {
      cy.destroy();
    },
  };
}
