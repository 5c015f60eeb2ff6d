import type { StylesheetJson } from 'cytoscape';

/** Palette is one theme's colours for the graph. */
interface Palette {
  text: string;
  muted: string;
  box: string;
  boxBorder: string;
  running: string;
  pending: string;
  error: string;
  completed: string;
  terminating: string;
  notready: string;
  cordoned: string;
  object: string;
  edge: string;
  endpoint: string;
  routes: string;
  selects: string;
  focus: string;
}

const PALETTES: Record<'light' | 'dark', Palette> = {
  dark: {
    text: '#e6e6e6', muted: '#9aa4ad', box: '#1b232b', boxBorder: '#5b6b79',
    running: '#2e8b57', pending: '#b8860b', error: '#c0392b', completed: '#4a6fa5', terminating: '#6c7680', notready: '#d35400', cordoned: '#8e7cc3',
    object: '#2c3e50', edge: '#7f8c8d', endpoint: '#27ae60', routes: '#3498db', selects: '#e67e22', focus: '#f5c542',
  },
  light: {
    text: '#1f2328', muted: '#57606a', box: '#f3f5f7', boxBorder: '#8c959f',
    running: '#2da44e', pending: '#d4a72c', error: '#cf222e', completed: '#6e94c8', terminating: '#afb8c1', notready: '#e16f24', cordoned: '#a475f9',
    object: '#dde4ec', edge: '#8c959f', endpoint: '#1a7f37', routes: '#0969da', selects: '#bc4c00', focus: '#0b57d0',
  },
};

/** graphStyle is the cytoscape stylesheet: shapes by kind, colours by status class. */
export function graphStyle(theme: 'light' | 'dark'): StylesheetJson {
  const p = PALETTES[theme];
  const podText = theme === 'dark' ? '#ffffff' : '#0d1117';
  return [
    { selector: 'node', style: { label: 'data(label)', color: p.text, 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': '150px', 'font-family': 'system-ui, sans-serif', 'min-zoomed-font-size': 6 } },
    {
      selector: 'node.pod',
      style: { shape: 'round-rectangle', width: 128, height: 34, 'text-valign': 'center', 'text-halign': 'center', 'text-max-width': '122px', 'text-wrap': 'ellipsis', 'font-size': 9, color: podText, 'background-color': p.running, 'border-width': 0 },
    },
    { selector: 'node.pod.pending', style: { 'background-color': p.pending } },
    { selector: 'node.pod.error', style: { 'background-color': p.error } },
    { selector: 'node.pod.notready', style: { 'background-color': p.notready } },
    { selector: 'node.pod.completed', style: { 'background-color': p.completed } },
    { selector: 'node.pod.terminating', style: { 'background-color': p.terminating, 'border-width': 2, 'border-style': 'dashed', 'border-color': p.muted } },
    { selector: 'node.pod.unknown', style: { 'background-color': p.terminating } },
    {
      selector: 'node.k8s-node',
      style: {
        shape: 'round-rectangle', 'background-color': p.box, 'background-opacity': 1, 'border-width': 2, 'border-color': p.running, label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center',
        'text-margin-y': -4, 'font-size': 12, 'font-weight': 'bold', padding: '14px', 'compound-sizing-wrt-labels': 'include',
      },
    },
    { selector: 'node.k8s-node.notready', style: { 'border-color': p.notready, 'border-style': 'dashed' } },
    { selector: 'node.k8s-node.cordoned', style: { 'border-color': p.cordoned, 'border-style': 'dotted' } },
    { selector: 'node.k8s-node.unscheduled', style: { 'border-color': p.pending, 'border-style': 'dashed' } },
    { selector: 'node.anchor', style: { width: 1, height: 1, opacity: 0, events: 'no', label: '' } },
    {
      selector: 'node.deployment, node.replicaset, node.statefulset, node.daemonset, node.job, node.cronjob, node.service, node.ingress, node.networkpolicy',
      style: { 'background-color': p.object, 'border-width': 2, 'border-color': p.boxBorder, width: 30, height: 30, 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 10 },
    },
    { selector: 'node.deployment', style: { shape: 'round-rectangle' } },
    { selector: 'node.replicaset', style: { shape: 'round-rectangle', width: 22, height: 22 } },
    { selector: 'node.statefulset', style: { shape: 'barrel' } },
    { selector: 'node.daemonset', style: { shape: 'round-hexagon' } },
    { selector: 'node.job, node.cronjob', style: { shape: 'round-tag' } },
    { selector: 'node.service', style: { shape: 'ellipse', 'border-color': p.endpoint } },
    { selector: 'node.ingress', style: { shape: 'round-diamond', 'border-color': p.routes } },
    { selector: 'node.networkpolicy', style: { shape: 'round-octagon', 'border-color': p.selects } },
    { selector: 'node.degraded', style: { 'border-color': p.pending, 'border-width': 3 } },
    { selector: 'node.error', style: { 'border-color': p.error } },
    { selector: 'edge', style: { width: 1.5, 'line-color': p.edge, 'target-arrow-color': p.edge, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.85 } },
    { selector: 'edge.endpoint', style: { 'line-color': p.endpoint, 'target-arrow-color': p.endpoint } },
    { selector: 'edge.endpoint-notready', style: { 'line-color': p.pending, 'target-arrow-color': p.pending, 'line-style': 'dashed' } },
    { selector: 'edge.routes', style: { 'line-color': p.routes, 'target-arrow-color': p.routes } },
    { selector: 'edge.selects', style: { 'line-color': p.selects, 'target-arrow-color': p.selects, 'line-style': 'dotted' } },
    { selector: 'node:selected', style: { 'overlay-color': p.focus, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node.kb-focus', style: { 'underlay-color': p.focus, 'underlay-opacity': 0.6, 'underlay-padding': 5 } },
  ];
}
