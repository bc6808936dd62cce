// Pipeline graphs: a layered layout, edge paths, and the read-only drawing the run view and
// the executions history share.
import { h } from './ui.js';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 64;
const LAYER_GAP = 90;
const ROW_GAP = 36;
const MARGIN = 24;

/**
 * Places nodes in layers from left to right: each node one layer after its furthest
 * predecessor, and within a layer in the order of its predecessors (barycenter), so
 * edges cross as little as a quick pass can manage. Answers id → {x, y}.
 */
export function layeredLayout(ids, edges) {
  const incoming = new Map(ids.map((id) => [id, []]));
  const outgoing = new Map(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (incoming.has(edge.target) && outgoing.has(edge.source)) {
      incoming.get(edge.target).push(edge.source);
      outgoing.get(edge.source).push(edge.target);
    }
  }
  const layer = new Map();
  const visiting = new Set();
  const depth = (id) => {
    if (layer.has(id)) {
      return layer.get(id);
    }
    if (visiting.has(id)) {
      return 0;
    }
    visiting.add(id);
    const value = incoming.get(id).reduce((max, source) => Math.max(max, depth(source) + 1), 0);
    visiting.delete(id);
    layer.set(id, value);
    return value;
  };
  ids.forEach(depth);
  const layers = [];
  for (const id of ids) {
    const index = layer.get(id);
    (layers[index] = layers[index] || []).push(id);
  }
  const row = new Map();
  layers.forEach((members, index) => {
    if (index > 0) {
      const barycenter = (id) => {
        const rows = incoming.get(id).map((source) => row.get(source)).filter((r) => r !== undefined);
        return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.MAX_SAFE_INTEGER;
      };
      members.sort((a, b) => barycenter(a) - barycenter(b));
    }
    members.forEach((id, r) => row.set(id, r));
  });
  const tallest = Math.max(1, ...layers.map((members) => (members ? members.length : 0)));
  const positions = new Map();
  layers.forEach((members, index) => {
    const offset = ((tallest - members.length) * (NODE_HEIGHT + ROW_GAP)) / 2;
    members.forEach((id, r) => positions.set(id, {
      x: MARGIN + index * (NODE_WIDTH + LAYER_GAP),
      y: MARGIN + offset + r * (NODE_HEIGHT + ROW_GAP),
    }));
  });
  return positions;
}

/** A smooth path from a node's output port to another node's input port. */
export function edgePath(from, to) {
  const x1 = from.x + NODE_WIDTH;
  const y1 = from.y + NODE_HEIGHT / 2;
  const x2 = to.x;
  const y2 = to.y + NODE_HEIGHT / 2;
  const bend = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}

/** The chain JSON of a run (quantra-cno-v1) as ids, labels and edges. */
export function chainGraph(chain) {
  const nodes = Object.entries(chain.nodes || {}).map(([key, node]) => ({
    key, label: node.label || node.plugin_id, pluginId: node.plugin_id, type: node.type,
  }));
  const edges = (chain.edges || []).map((edge) => ({ source: edge.source, target: edge.target, mode: edge.mode }));
  return { nodes, edges };
}

/**
 * A read-only drawing of a run's graph, its nodes coloured by status. `scale` shrinks it
 * for lists; `onSelect` makes nodes buttons.
 */
export function RunGraph({ graph, statuses = {}, selected, onSelect, scale = 1, label }) {
  const positions = layeredLayout(graph.nodes.map((n) => n.key), graph.edges);
  let width = 0;
  let height = 0;
  positions.forEach((p) => {
    width = Math.max(width, p.x + NODE_WIDTH + MARGIN);
    height = Math.max(height, p.y + NODE_HEIGHT + MARGIN);
  });
  // full size, a drawing shrinks to its panel's width; in lists it is a fixed thumbnail
  const size = scale < 1 ? { width: width * scale, height: height * scale }
    : { width: '100%', style: { maxWidth: `${width}px` } };
  return h('svg', {
    class: 'run-graph' + (scale < 1 ? ' mini' : ''), ...size,
    viewBox: `0 0 ${width} ${height}`, role: onSelect ? 'group' : 'img', 'aria-label': label || 'Pipeline graph',
  },
  h('defs', null, h('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse' }, h('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
  graph.edges.map((edge) => {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    return from && to ? h('path', { key: `${edge.source}-${edge.target}`, class: `edge mode-${edge.mode || 'flow'}`,
      d: edgePath(from, to), 'marker-end': 'url(#arrow)' }) : null;
  }),
  graph.nodes.map((node) => {
    const p = positions.get(node.key);
    const status = statuses[node.key] || 'queued';
    const interactive = Boolean(onSelect);
    return h('g', {
      key: node.key, class: `graph-node status-${status}` + (selected === node.key ? ' selected' : ''),
      transform: `translate(${p.x},${p.y})`, 'data-node': node.key, 'data-status': status,
      tabIndex: interactive ? 0 : undefined, role: interactive ? 'button' : undefined,
      'aria-label': `${node.label}: ${status.replace(/_/g, ' ')}`,
      'aria-pressed': interactive ? String(selected === node.key) : undefined,
      onClick: interactive ? () => onSelect(node.key) : undefined,
      onKeyDown: interactive ? (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(node.key);
        }
      } : undefined,
    },
    h('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 10 }),
    h('text', { x: 14, y: 26, class: 'title' }, truncate(node.label, 22)),
    h('text', { x: 14, y: 46, class: 'sub' }, `${node.key} · ${status.replace(/_/g, ' ')}`));
  }));
}

export function truncate(text, max) {
  const value = String(text ?? '');
  return value.length > max ? `${value.substring(0, max - 1)}…` : value;
}
