// The canvas editor: a palette of plugins to drag in, nodes to move and connect, a
// configuration form per node from its plugin's JSON Schema, undo and auto-layout.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, del, get, post, put } from './api.js';
import { h, Dialog, ErrorNotice, Field, Loading, Notice, Select, navigate, useTitle } from './ui.js';
import { NODE_HEIGHT, NODE_WIDTH, edgePath, layeredLayout, truncate } from './graph.js';
import { SchemaForm, checkConfig, errorProperty, hasUnreadable } from './schema-form.js';
import { ProjectTabs } from './projects.js';

const EDGE_MODES = [
  { value: 'flow', label: 'Flow — data passes on' },
  { value: 'interactive', label: 'Interactive — waits for a person' },
  { value: 'reference', label: 'Reference — read only' },
];
const NODE_TYPE_ORDER = ['datasource', 'tool', 'workbench', 'output'];
const CONFLICT = 'Someone else changed this node while you were working on it. Your change was not saved: '
  + 'the canvas now shows their version; apply your change again if you still want it.';

function etag(node) {
  return { 'If-Match': `"${node.version}"` };
}

const ZOOMS = [0.4, 0.5, 0.65, 0.8, 1, 1.25, 1.5];

/** Where a pointer is on the board, in canvas coordinates at the board's zoom. */
function boardPoint(board, event, zoom) {
  const rect = board.getBoundingClientRect();
  return { x: (event.clientX - rect.left + board.scrollLeft) / zoom,
    y: (event.clientY - rect.top + board.scrollTop) / zoom };
}

function freeSpot(nodes) {
  const taken = [...nodes.values()];
  for (let row = 0; row < 40; row += 1) {
    for (let column = 0; column < 6; column += 1) {
      const x = 40 + column * (NODE_WIDTH + 60);
      const y = 40 + row * (NODE_HEIGHT + 40);
      const clash = taken.some((n) => Math.abs(n.x_pos - x) < NODE_WIDTH && Math.abs(n.y_pos - y) < NODE_HEIGHT);
      if (!clash) {
        return { x, y };
      }
    }
  }
  return { x: 40, y: 40 };
}

/** The nodes on a path from one node to another along the edges, or null. */
function pathBetween(from, to, edges) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift();
    if (id === to) {
      const path = [];
      for (let at = to; at !== null; at = previous.get(at)) {
        path.unshift(at);
      }
      return path;
    }
    for (const edge of edges) {
      if (edge.source_node === id && !previous.has(edge.target_node)) {
        previous.set(edge.target_node, id);
        queue.push(edge.target_node);
      }
    }
  }
  return null;
}

export function CanvasPage({ projectId }) {
  const [project, setProject] = useState(null);
  const [plugins, setPlugins] = useState([]);
  const [nodes, setNodes] = useState(new Map());
  const [edges, setEdges] = useState([]);
  const [loadError, setLoadError] = useState(null);
  const [error, setError] = useState(null);
  const [info, setInfo] = useState(null);
  const [nodeErrors, setNodeErrors] = useState({});
  const [selection, setSelection] = useState(null);
  const [edgeMode, setEdgeMode] = useState('flow');
  const [undoStack, setUndoStack] = useState([]);
  const [ghost, setGhost] = useState(null);
  const [wire, setWire] = useState(null);
  const [running, setRunning] = useState(false);
  const [adding, setAdding] = useState(null);
  const [zoom, setZoom] = useState(1);
  const zoomRef = useRef(1);
  zoomRef.current = zoom;
  const boardRef = useRef(null);
  const aliases = useRef(new Map());
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  useTitle(project ? `${project.name} · Canvas` : 'Canvas');

  const real = (id) => {
    let current = id;
    while (aliases.current.has(current)) {
      current = aliases.current.get(current);
    }
    return current;
  };

  const load = async () => {
    try {
      const [p, pl, n, e] = await Promise.all([get(`/projects/${projectId}`), get('/plugins'),
        get(`/projects/${projectId}/nodes`), get(`/projects/${projectId}/edges`)]);
      setProject(p);
      setPlugins(pl.plugins);
      setNodes(new Map(n.nodes.map((node) => [node.id, node])));
      setEdges(e.edges);
    } catch (err) {
      setLoadError(err);
    }
  };
  useEffect(() => {
    load();
  }, [projectId]);

  const pluginById = useMemo(() => new Map(plugins.map((p) => [p.id, p])), [plugins]);

  const storeNode = (node) => setNodes((current) => new Map(current).set(node.id, node));
  const dropNode = (id) => {
    setNodes((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
    setEdges((current) => current.filter((e) => e.source_node !== id && e.target_node !== id));
  };
  const pushUndo = (label, undo) => setUndoStack((stack) => [...stack.slice(-49), { label, undo }]);

  /** Reloads one node after a conflict and says why. */
  const conflict = async (id) => {
    setError(new ApiError(412, { detail: CONFLICT }));
    try {
      const fresh = await get(`/nodes/${id}`);
      storeNode(fresh);
    } catch (err) {
      if (err.status === 404) {
        dropNode(id);
        setError(new ApiError(404, { detail: 'This node was deleted by someone else.' }));
      }
    }
  };

  const report = (err, nodeId) => {
    if (err.status === 412 && nodeId) {
      conflict(nodeId);
      return;
    }
    setError(err);
    if (nodeId) {
      setNodeErrors((current) => ({ ...current, [nodeId]: err.message }));
      setTimeout(() => setNodeErrors((current) => {
        const next = { ...current };
        delete next[nodeId];
        return next;
      }), 8000);
    }
  };

  const createNode = async (plugin, x, y, extra = {}) => {
    const body = { node_type: plugin.node_type, plugin_id: plugin.id, label: extra.label || plugin.label,
      x_pos: Math.max(0, Math.round(x)), y_pos: Math.max(0, Math.round(y)), config: extra.config || {} };
    const node = await post(`/projects/${projectId}/nodes`, body);
    storeNode(node);
    return node;
  };

  const addNode = async (plugin, x, y, extra) => {
    setError(null);
    const schema = plugin.config_schema || {};
    if (!extra && Object.keys(checkConfig(schema, {})).length) {
      // settings the plugin cannot do without are asked for before the node exists
      setAdding({ plugin, x, y });
      return;
    }
    try {
      const node = await createNode(plugin, x, y, extra);
      setSelection({ kind: 'node', id: node.id });
      pushUndo(`add ${node.label}`, () => removeNode(real(node.id), false));
    } catch (err) {
      report(err);
    }
  };

  const createEdge = async (source, target, mode) => {
    const edge = await post(`/projects/${projectId}/edges`, { source_node: source, target_node: target, edge_mode: mode });
    setEdges((current) => [...current, edge]);
    return edge;
  };

  const connect = async (source, target, mode = edgeMode) => {
    setError(null);
    if (source === target) {
      report(new ApiError(400, { detail: 'A node cannot be connected to itself.' }), target);
      return;
    }
    const loop = pathBetween(target, source, edges);
    if (loop) {
      const names = [source, ...loop].map((id) => (nodes.get(id) || {}).label || id).join(' → ');
      report(new ApiError(400, { detail: `This connection would close the cycle ${names}: a pipeline runs in one `
        + 'direction, so loops are refused.' }), target);
      return;
    }
    if (edges.some((e) => e.source_node === source && e.target_node === target)) {
      report(new ApiError(409, { detail: 'These nodes are connected already.' }), target);
      return;
    }
    try {
      const edge = await createEdge(source, target, mode);
      setSelection({ kind: 'edge', id: edge.id });
      pushUndo('connect', () => removeEdge(edge.id, false));
    } catch (err) {
      report(err, target);
    }
  };

  const removeEdge = async (id, undoable = true) => {
    const edge = edges.find((e) => e.id === id);
    try {
      await del(`/edges/${id}`);
    } catch (err) {
      if (err.status !== 404) {
        report(err);
        return;
      }
    }
    setEdges((current) => current.filter((e) => e.id !== id));
    setSelection(null);
    if (undoable && edge) {
      pushUndo('remove edge', () => createEdge(real(edge.source_node), real(edge.target_node), edge.edge_mode));
    }
  };

  const removeNode = async (id, undoable = true) => {
    const node = nodesRef.current.get(id);
    if (!node) {
      return;
    }
    const attached = edges.filter((e) => e.source_node === id || e.target_node === id);
    try {
      await del(`/nodes/${id}`, { headers: etag(node) });
    } catch (err) {
      if (err.status !== 404) {
        report(err, id);
        return;
      }
    }
    dropNode(id);
    setSelection(null);
    if (undoable) {
      pushUndo(`delete ${node.label}`, async () => {
        const plugin = pluginById.get(node.plugin_id) || { id: node.plugin_id, node_type: node.node_type };
        const again = await createNode(plugin, node.x_pos, node.y_pos, { label: node.label, config: node.config });
        aliases.current.set(id, again.id);
        for (const edge of attached) {
          await createEdge(real(edge.source_node), real(edge.target_node), edge.edge_mode);
        }
      });
    }
  };

  /** Saves a node's fields; answers the stored node, or null when the change was refused. */
  const saveNode = async (id, fields) => {
    const node = nodesRef.current.get(id);
    if (!node) {
      return null;
    }
    try {
      const saved = await put(`/nodes/${id}`, fields, { headers: etag(node) });
      storeNode(saved);
      return saved;
    } catch (err) {
      report(err, id);
      if (err.status !== 412) {
        throw err;
      }
      return null;
    }
  };

  const moveNode = async (id, from, to) => {
    const saved = await saveNode(id, { x_pos: Math.round(to.x), y_pos: Math.round(to.y) }).catch(() => null);
    if (saved) {
      pushUndo('move', async () => {
        const target = real(id);
        const current = nodesRef.current.get(target);
        if (current) {
          const restored = await put(`/nodes/${target}`, { x_pos: from.x, y_pos: from.y }, { headers: etag(current) });
          storeNode(restored);
        }
      });
    }
  };

  const autoLayout = async () => {
    setError(null);
    const ids = [...nodes.keys()];
    const layout = layeredLayout(ids, edges.map((e) => ({ source: e.source_node, target: e.target_node })));
    const before = new Map(ids.map((id) => [id, { x: nodes.get(id).x_pos, y: nodes.get(id).y_pos }]));
    let moved = 0;
    for (const id of ids) {
      const to = layout.get(id);
      const from = before.get(id);
      if (to && (Math.round(to.x) !== from.x || Math.round(to.y) !== from.y)) {
        const saved = await saveNode(id, { x_pos: Math.round(to.x), y_pos: Math.round(to.y) }).catch(() => null);
        moved += saved ? 1 : 0;
      }
    }
    if (moved) {
      pushUndo('auto-layout', async () => {
        for (const [id, from] of before) {
          const target = real(id);
          const current = nodesRef.current.get(target);
          if (current && (current.x_pos !== from.x || current.y_pos !== from.y)) {
            storeNode(await put(`/nodes/${target}`, { x_pos: from.x, y_pos: from.y }, { headers: etag(current) }));
          }
        }
      });
    }
    setInfo(moved ? `Arranged ${moved} node${moved === 1 ? '' : 's'} in layers.` : 'The canvas is already arranged.');
  };

  const undo = async () => {
    const last = undoStack[undoStack.length - 1];
    if (!last) {
      return;
    }
    setUndoStack((stack) => stack.slice(0, -1));
    setError(null);
    try {
      await last.undo();
      setInfo(`Undid ${last.label}.`);
      const [n, e] = await Promise.all([get(`/projects/${projectId}/nodes`), get(`/projects/${projectId}/edges`)]);
      setNodes(new Map(n.nodes.map((node) => [node.id, node])));
      setEdges(e.edges);
    } catch (err) {
      report(err.status === 412 ? new ApiError(412, { detail: `Cannot undo ${last.label}: ${CONFLICT}` }) : err);
    }
  };

  useEffect(() => {
    const onKey = (e) => {
      const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
      if (typing) {
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selection) {
        e.preventDefault();
        if (selection.kind === 'node') {
          removeNode(selection.id);
        } else {
          removeEdge(selection.id);
        }
      } else if (e.key === 'Escape') {
        setSelection(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // dragging a plugin from the palette onto the board
  const startPaletteDrag = (plugin, e) => {
    if (e.button !== 0) {
      return;
    }
    e.preventDefault();
    const item = e.currentTarget;
    item.setPointerCapture(e.pointerId);
    const start = { x: e.clientX, y: e.clientY };
    let moved = false;
    const move = (ev) => {
      moved = moved || Math.abs(ev.clientX - start.x) + Math.abs(ev.clientY - start.y) > 4;
      if (moved) {
        setGhost({ plugin, x: ev.clientX, y: ev.clientY });
      }
    };
    const up = (ev) => {
      item.removeEventListener('pointermove', move);
      item.removeEventListener('pointerup', up);
      item.removeEventListener('pointercancel', up);
      setGhost(null);
      const board = boardRef.current;
      if (!moved) {
        const spot = freeSpot(nodesRef.current);
        addNode(plugin, spot.x, spot.y);
        return;
      }
      const rect = board.getBoundingClientRect();
      const inside = ev.clientX >= rect.left && ev.clientX <= rect.right && ev.clientY >= rect.top
        && ev.clientY <= rect.bottom;
      if (ev.type === 'pointerup' && inside) {
        const at = boardPoint(board, ev, zoomRef.current);
        addNode(plugin, at.x - NODE_WIDTH / 2, at.y - NODE_HEIGHT / 2);
      }
    };
    item.addEventListener('pointermove', move);
    item.addEventListener('pointerup', up);
    item.addEventListener('pointercancel', up);
  };

  // moving a node
  const startNodeDrag = (node, e) => {
    if (e.button !== 0 || e.target.closest('.port')) {
      return;
    }
    const element = e.currentTarget;
    element.setPointerCapture(e.pointerId);
    const origin = { x: node.x_pos, y: node.y_pos };
    const start = { x: e.clientX, y: e.clientY };
    let moved = false;
    let last = origin;
    const move = (ev) => {
      const dx = (ev.clientX - start.x) / zoomRef.current;
      const dy = (ev.clientY - start.y) / zoomRef.current;
      moved = moved || Math.abs(dx) + Math.abs(dy) > 3;
      if (moved) {
        last = { x: Math.max(0, origin.x + dx), y: Math.max(0, origin.y + dy) };
        setNodes((current) => {
          const latest = current.get(node.id);
          return latest ? new Map(current).set(node.id, { ...latest, x_pos: last.x, y_pos: last.y }) : current;
        });
      }
    };
    const up = () => {
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
      setSelection({ kind: 'node', id: node.id });
      if (moved) {
        moveNode(node.id, origin, last);
      }
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
  };

  // drawing an edge from an output port to another node
  const startWire = (node, e) => {
    if (e.button !== 0) {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    const port = e.currentTarget;
    port.setPointerCapture(e.pointerId);
    const board = boardRef.current;
    const move = (ev) => setWire({ from: node.id, to: boardPoint(board, ev, zoomRef.current) });
    const up = (ev) => {
      port.removeEventListener('pointermove', move);
      port.removeEventListener('pointerup', up);
      port.removeEventListener('pointercancel', up);
      setWire(null);
      if (ev.type !== 'pointerup') {
        return;
      }
      const under = document.elementFromPoint(ev.clientX, ev.clientY);
      const target = under && under.closest('[data-node-id]');
      if (target) {
        connect(node.id, Number(target.dataset.nodeId));
      }
    };
    move(e);
    port.addEventListener('pointermove', move);
    port.addEventListener('pointerup', up);
    port.addEventListener('pointercancel', up);
  };

  // arrow keys move the focused node; the position is saved once the keys rest
  const keyTimer = useRef(null);
  const keyOrigin = useRef(null);
  const nudge = (node, e) => {
    const step = e.shiftKey ? 50 : 10;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setSelection({ kind: 'node', id: node.id });
      return;
    }
    if (!delta) {
      return;
    }
    e.preventDefault();
    if (!keyOrigin.current || keyOrigin.current.id !== node.id) {
      keyOrigin.current = { id: node.id, x: node.x_pos, y: node.y_pos };
    }
    const to = { x: Math.max(0, node.x_pos + delta[0]), y: Math.max(0, node.y_pos + delta[1]) };
    storeNode({ ...node, x_pos: to.x, y_pos: to.y });
    clearTimeout(keyTimer.current);
    keyTimer.current = setTimeout(() => {
      const origin = keyOrigin.current;
      keyOrigin.current = null;
      moveNode(node.id, { x: origin.x, y: origin.y }, to);
    }, 500);
  };

  /** The largest zoom step at which every node is in view (at most 100%). */
  const fit = () => {
    const board = boardRef.current;
    let right = 0;
    let bottom = 0;
    for (const node of nodes.values()) {
      right = Math.max(right, node.x_pos + NODE_WIDTH + 40);
      bottom = Math.max(bottom, node.y_pos + NODE_HEIGHT + 60);
    }
    const wanted = Math.min(board.clientWidth / right, board.clientHeight / bottom);
    setZoom([...ZOOMS].reverse().find((z) => z <= wanted && z <= 1) || ZOOMS[0]);
    board.scrollTo(0, 0);
  };

  if (loadError) {
    return h('section', { class: 'page' }, h(ErrorNotice, { error: loadError }));
  }
  if (!project) {
    return h(Loading, { what: 'Loading the canvas' });
  }

  const problems = {};
  for (const node of nodes.values()) {
    const plugin = pluginById.get(node.plugin_id);
    if (!plugin) {
      problems[node.id] = `Plugin ${node.plugin_id} is not installed.`;
    } else if (plugin.available === false) {
      problems[node.id] = `Plugin ${plugin.label} is ${plugin.availability || 'unavailable'}.`;
    } else {
      const missing = Object.entries(checkConfig(plugin.config_schema || {}, node.config || {}));
      if (missing.length) {
        problems[node.id] = `${missing[0][0]}: ${missing[0][1]}`;
      }
    }
  }
  let width = 400;
  let height = 300;
  for (const node of nodes.values()) {
    width = Math.max(width, node.x_pos + NODE_WIDTH + 120);
    height = Math.max(height, node.y_pos + NODE_HEIGHT + 120);
  }
  const selectedNode = selection && selection.kind === 'node' ? nodes.get(selection.id) : null;
  const selectedEdge = selection && selection.kind === 'edge' ? edges.find((e) => e.id === selection.id) : null;
  const groups = NODE_TYPE_ORDER.map((type) => [type, plugins.filter((p) => p.node_type === type)])
    .concat([['other', plugins.filter((p) => !NODE_TYPE_ORDER.includes(p.node_type))]])
    .filter(([, members]) => members.length);

  return h('section', { class: 'page canvas-page' },
    h('div', { class: 'page-header' },
      h('h1', null, project.name),
      h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Canvas' },
        h('label', { class: 'inline-select' }, 'New edges ',
          h('select', { value: edgeMode, onChange: (e) => setEdgeMode(e.currentTarget.value), 'aria-label': 'Mode of new edges' },
            EDGE_MODES.map((m) => h('option', { key: m.value, value: m.value }, m.value)))),
        h('button', { type: 'button', class: 'secondary', onClick: undo, disabled: !undoStack.length,
          title: undoStack.length ? `Undo ${undoStack[undoStack.length - 1].label} (Ctrl+Z)` : 'Nothing to undo' }, 'Undo'),
        h('button', { type: 'button', class: 'secondary', onClick: autoLayout, disabled: !nodes.size }, 'Auto-layout'),
        h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
          h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom out', title: 'Zoom out',
            disabled: zoom <= ZOOMS[0], onClick: () => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)]) }, '−'),
          h('button', { type: 'button', class: 'secondary', title: 'Fit the pipeline in view', onClick: fit,
            disabled: !nodes.size }, `${Math.round(zoom * 100)}%`, h('span', { class: 'sr-only' }, ' — fit to view')),
          h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom in', title: 'Zoom in',
            disabled: zoom >= ZOOMS[ZOOMS.length - 1],
            onClick: () => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)]) }, '+')),
        h('button', { type: 'button', onClick: () => setRunning(true), disabled: !nodes.size }, 'Run'))),
    h(ProjectTabs, { projectId, current: 'canvas' }),
    h('div', { class: 'messages', 'aria-live': 'polite' },
      h(ErrorNotice, { error, onClose: () => setError(null) }),
      h(Notice, { kind: 'success', onClose: () => setInfo(null) }, info)),
    h('div', { class: 'editor' },
      h('aside', { class: 'palette', 'aria-label': 'Plugins' },
        h('h2', null, 'Plugins'),
        h('p', { class: 'hint' }, 'Drag onto the canvas, or press Enter to add.'),
        groups.map(([type, members]) => h('div', { key: type, class: 'palette-group' },
          h('h3', null, type),
          h('ul', null, members.map((plugin) => h('li', { key: plugin.id },
            h('button', { type: 'button', class: 'palette-item' + (plugin.available === false ? ' unavailable' : ''),
              'data-plugin': plugin.id, title: plugin.description,
              onPointerDown: (e) => startPaletteDrag(plugin, e),
              onKeyDown: (e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  const spot = freeSpot(nodes);
                  addNode(plugin, spot.x, spot.y);
                }
              },
              onClick: (e) => e.preventDefault() },
            h('span', { class: `dot type-${plugin.node_type}`, 'aria-hidden': 'true' }),
            plugin.label,
            plugin.available === false ? h('span', { class: 'muted' }, ` (${plugin.availability})`) : null))))))),
      h('div', { class: 'board', ref: boardRef, 'aria-label': 'Canvas', role: 'region',
        onPointerDown: (e) => {
          if (e.target === e.currentTarget || e.target.classList.contains('board-inner')
            || e.target.classList.contains('board-content')) {
            setSelection(null);
          }
        } },
      h('div', { class: 'board-inner', style: { width: `${width * zoom}px`, height: `${height * zoom}px` } },
      h('div', { class: 'board-content', style: { width: `${width}px`, height: `${height}px`,
        transform: zoom === 1 ? undefined : `scale(${zoom})` } },
        h('svg', { class: 'wires', width, height, 'aria-hidden': 'true' },
          h('defs', null, h('marker', { id: 'canvas-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
            markerHeight: 7, orient: 'auto-start-reverse' }, h('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
          edges.map((edge) => {
            const from = nodes.get(edge.source_node);
            const to = nodes.get(edge.target_node);
            if (!from || !to) {
              return null;
            }
            const d = edgePath({ x: from.x_pos, y: from.y_pos }, { x: to.x_pos, y: to.y_pos });
            const selected = selectedEdge && selectedEdge.id === edge.id;
            return h('g', { key: edge.id, class: 'edge-hit', onPointerDown: (e) => {
              e.stopPropagation();
              setSelection({ kind: 'edge', id: edge.id });
            } },
            h('path', { d, class: 'hit' }),
            h('path', { d, class: `edge mode-${edge.edge_mode}` + (selected ? ' selected' : ''),
              'data-edge-id': edge.id, 'marker-end': 'url(#canvas-arrow)' }));
          }),
          wire ? (() => {
            const from = nodes.get(wire.from);
            return from ? h('path', { class: `edge drawing mode-${edgeMode}`,
              d: edgePath({ x: from.x_pos, y: from.y_pos }, { x: wire.to.x, y: wire.to.y - NODE_HEIGHT / 2 }) }) : null;
          })() : null),
        [...nodes.values()].map((node) => {
          const plugin = pluginById.get(node.plugin_id);
          const selected = selectedNode && selectedNode.id === node.id;
          const problem = nodeErrors[node.id] || problems[node.id];
          return h('div', {
            key: node.id, class: `canvas-node type-${node.node_type}` + (selected ? ' selected' : '')
              + (problem ? ' has-problem' : ''),
            style: { left: `${node.x_pos}px`, top: `${node.y_pos}px` },
            'data-node-id': node.id, tabIndex: 0, role: 'button', 'aria-pressed': String(Boolean(selected)),
            'aria-label': `${node.label}, ${plugin ? plugin.label : node.plugin_id}${problem ? `, problem: ${problem}` : ''}`,
            onPointerDown: (e) => startNodeDrag(node, e), onKeyDown: (e) => nudge(node, e),
          },
          h('span', { class: 'port in', 'aria-hidden': 'true' }),
          h('span', { class: 'node-title' }, truncate(node.label, 24)),
          h('span', { class: 'node-sub' }, plugin ? plugin.label : node.plugin_id),
          problem ? h('span', { class: 'node-problem', role: nodeErrors[node.id] ? 'alert' : undefined }, problem) : null,
          h('span', { class: 'port out', title: 'Drag to another node to connect', 'aria-hidden': 'true',
            onPointerDown: (e) => startWire(node, e) }));
        }),
        !nodes.size ? h('p', { class: 'board-empty' }, 'Drag a plugin here to start your pipeline.') : null))),
      h('aside', { class: 'inspector', 'aria-label': 'Inspector' },
        selectedNode ? h(NodeInspector, {
          key: `${selectedNode.id}-${selectedNode.version}`, node: selectedNode, plugin: pluginById.get(selectedNode.plugin_id),
          nodes, edges, edgeMode, onSave: async (fields) => {
            const before = { label: selectedNode.label, config: selectedNode.config };
            const saved = await saveNode(selectedNode.id, fields);
            if (saved) {
              setInfo(`Saved ${saved.label}.`);
              pushUndo(`edit ${saved.label}`, async () => {
                const target = real(saved.id);
                const current = nodesRef.current.get(target);
                if (current) {
                  storeNode(await put(`/nodes/${target}`, before, { headers: etag(current) }));
                }
              });
            }
            return saved;
          },
          onDelete: () => removeNode(selectedNode.id), onConnect: connect, onRemoveEdge: removeEdge,
        }) : selectedEdge ? h(EdgeInspector, { edge: selectedEdge, nodes, onRemove: () => removeEdge(selectedEdge.id) })
          : h('div', { class: 'inspector-empty' }, h('h2', null, 'Inspector'),
            h('p', { class: 'muted' }, 'Select a node to configure it, or an edge to remove it.'),
            h('p', { class: 'muted' }, 'Connect nodes by dragging from a node\'s right-hand port to another node.')))),
    ghost ? h('div', { class: 'drag-ghost', style: { left: `${ghost.x}px`, top: `${ghost.y}px` }, 'aria-hidden': 'true' },
      ghost.plugin.label) : null,
    running ? h(RunDialog, { projectId, nodes, onClose: () => setRunning(false) }) : null,
    adding ? h(AddNodeDialog, { plugin: adding.plugin, onClose: () => setAdding(null), onAdd: async (extra) => {
      setAdding(null);
      await addNode(adding.plugin, adding.x, adding.y, extra);
    } }) : null);
}

/** Asks for the settings a plugin requires before its node is added. */
function AddNodeDialog({ plugin, onAdd, onClose }) {
  const [label, setLabel] = useState(plugin.label);
  const [config, setConfig] = useState({});
  const [errors, setErrors] = useState({});
  const schema = plugin.config_schema || {};
  const submit = (e) => {
    e.preventDefault();
    const found = checkConfig(schema, config);
    setErrors(found);
    if (!Object.keys(found).length && !hasUnreadable(config) && label.trim()) {
      onAdd({ label: label.trim(), config });
    }
  };
  return h(Dialog, { title: `Add ${plugin.label}`, onClose, wide: true },
    h('form', { onSubmit: submit, 'aria-label': `Settings of the new ${plugin.label}` },
      plugin.description ? h('p', { class: 'hint' }, plugin.description) : null,
      h(Field, { label: 'Label', name: 'new-node-label', value: label, onInput: setLabel, required: true, maxLength: 200 }),
      h(SchemaForm, { schema, config, errors, onChange: setConfig }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
        h('button', { type: 'submit' }, 'Add node'))));
}

function NodeInspector({ node, plugin, nodes, edges, edgeMode, onSave, onDelete, onConnect, onRemoveEdge }) {
  const [label, setLabel] = useState(node.label);
  const [config, setConfig] = useState(node.config || {});
  const [errors, setErrors] = useState({});
  const [general, setGeneral] = useState(null);
  const [busy, setBusy] = useState(false);
  const others = [...nodes.values()].filter((n) => n.id !== node.id);
  const [target, setTarget] = useState(others.length ? String(others[0].id) : '');
  const [mode, setMode] = useState(edgeMode);
  const schema = (plugin && plugin.config_schema) || {};
  const dirty = label !== node.label || JSON.stringify(config) !== JSON.stringify(node.config || {});

  const save = async (e) => {
    e.preventDefault();
    const found = checkConfig(schema, config);
    if (!label.trim()) {
      setGeneral(new ApiError(400, { detail: 'A node needs a label.' }));
      return;
    }
    if (Object.keys(found).length || hasUnreadable(config)) {
      setErrors(found);
      setGeneral(new ApiError(400, { detail: 'Some settings need fixing before they can be saved.' }));
      return;
    }
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      await onSave({ label: label.trim(), config });
    } catch (err) {
      const byField = {};
      for (const message of err.errors || []) {
        const property = errorProperty(message);
        if (property) {
          byField[property] = message.replace(/^\/[^:]*:\s*/, '');
        }
      }
      setErrors(byField);
      setGeneral(err);
    } finally {
      setBusy(false);
    }
  };
  const outgoing = edges.filter((e) => e.source_node === node.id || e.target_node === node.id);
  return h('div', { class: 'node-inspector' },
    h('h2', null, node.label),
    h('p', { class: 'muted' }, plugin ? `${plugin.label} · ${plugin.id} ${plugin.version || ''}` : node.plugin_id),
    plugin && plugin.description ? h('p', { class: 'hint' }, plugin.description) : null,
    h('form', { onSubmit: save, 'aria-label': `Settings of ${node.label}` },
      h(ErrorNotice, { error: general }),
      h(Field, { label: 'Label', name: 'node-label', value: label, onInput: setLabel, required: true, maxLength: 200 }),
      h(SchemaForm, { schema, config, errors, onChange: setConfig }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', disabled: !dirty, onClick: () => {
          setLabel(node.label);
          setConfig(node.config || {});
          setErrors({});
          setGeneral(null);
        } }, 'Revert'),
        h('button', { type: 'submit', disabled: busy || !dirty }, busy ? 'Saving…' : 'Save'))),
    h('h3', null, 'Connections'),
    outgoing.length ? h('ul', { class: 'connections' }, outgoing.map((edge) => {
      const other = nodes.get(edge.source_node === node.id ? edge.target_node : edge.source_node);
      const direction = edge.source_node === node.id ? 'to' : 'from';
      return h('li', { key: edge.id }, `${direction} ${other ? other.label : '?'} (${edge.edge_mode}) `,
        h('button', { type: 'button', class: 'link danger', onClick: () => onRemoveEdge(edge.id) }, 'Remove',
          h('span', { class: 'sr-only' }, ` connection ${direction} ${other ? other.label : ''}`)));
    })) : h('p', { class: 'muted' }, 'Not connected.'),
    others.length ? h('div', { class: 'connect-form' },
      h(Select, { label: 'Connect to', name: 'connect-target', value: target, onChange: setTarget,
        options: others.map((n) => ({ value: String(n.id), label: n.label })) }),
      h(Select, { label: 'Edge mode', name: 'connect-mode', value: mode, onChange: setMode, options: EDGE_MODES }),
      h('button', { type: 'button', class: 'secondary', onClick: () => onConnect(node.id, Number(target), mode) },
        'Add connection')) : null,
    h('div', { class: 'danger-zone' },
      h('button', { type: 'button', class: 'danger', onClick: onDelete }, 'Delete node')));
}

function EdgeInspector({ edge, nodes, onRemove }) {
  const from = nodes.get(edge.source_node);
  const to = nodes.get(edge.target_node);
  return h('div', null,
    h('h2', null, 'Connection'),
    h('p', null, `${from ? from.label : edge.source_node} → ${to ? to.label : edge.target_node}`),
    h('p', { class: 'muted' }, `Mode: ${edge.edge_mode}`),
    h('button', { type: 'button', class: 'danger', onClick: onRemove }, 'Delete connection'));
}

function RunDialog({ projectId, nodes, onClose }) {
  const [inputs, setInputs] = useState('{}');
  const [files, setFiles] = useState({});
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const uploads = [...nodes.values()].filter((n) => n.plugin_id === 'file_upload');
  const submit = async (e) => {
    e.preventDefault();
    let parsed;
    try {
      parsed = inputs.trim() ? JSON.parse(inputs) : {};
    } catch (err) {
      setError(new ApiError(400, { detail: `The inputs are not valid JSON: ${err.message}` }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let started;
      const chosen = Object.entries(files).filter(([, list]) => list && list.length);
      if (chosen.length) {
        const form = new FormData();
        form.append('inputs', JSON.stringify(parsed));
        for (const [nodeId, list] of chosen) {
          for (const file of list) {
            form.append(`node_${nodeId}`, file, file.name);
          }
        }
        started = await post(`/projects/${projectId}/run`, form);
      } else {
        started = await post(`/projects/${projectId}/run`, { inputs: parsed });
      }
      navigate(`/executions/${started.execution_id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return h(Dialog, { title: 'Run the pipeline', onClose },
    h('form', { onSubmit: submit },
      h(ErrorNotice, { error }),
      h('div', { class: 'field' },
        h('label', { for: 'run-inputs' }, 'Inputs (JSON)'),
        h('textarea', { id: 'run-inputs', class: 'code', rows: 5, value: inputs,
          onInput: (e) => setInputs(e.currentTarget.value) }),
        h('p', { class: 'hint' }, 'What the Run Inputs nodes emit.')),
      uploads.map((node) => h('div', { class: 'field', key: node.id },
        h('label', { for: `run-files-${node.id}` }, `Documents for ${node.label}`),
        h('input', { id: `run-files-${node.id}`, type: 'file', multiple: true,
          onChange: (e) => setFiles((current) => ({ ...current, [node.id]: [...e.currentTarget.files] })) }))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
        h('button', { type: 'submit', disabled: busy }, busy ? 'Starting…' : 'Start run'))));
}
