// The run view: the run's own graph coloured live from its event stream, each node's output
// and log, gates to decide, the run's controls and a timeline of node durations.
import { useEffect, useRef, useState } from 'preact/hooks';
import { TERMINAL, followEvents, get, post } from './api.js';
import { h, ErrorNotice, Field, Link, Loading, Notice, StatusBadge, durationBetween, formatDuration, formatTime,
  navigate, useTitle } from './ui.js';
import { RunGraph, chainGraph } from './graph.js';

/** What an event says about a node's status, if anything. */
function statusFrom(event) {
  const payload = event.payload || {};
  switch (event.type) {
    case 'node_started':
    case 'authorization_completed':
    case 'node_progress':
      return 'running';
    case 'authorization_requested':
      return 'awaiting_authorization';
    case 'node_completed':
      return 'completed';
    case 'node_failed':
      return /Retrying in/.test(payload.message || '') ? 'retrying' : 'failed';
    case 'gate_requested':
      return 'waiting';
    case 'gate_decision':
      return payload.approved ? 'queued' : 'rejected';
    default:
      return null;
  }
}

function describe(event) {
  const p = event.payload || {};
  switch (event.type) {
    case 'run_started':
      return `Run started by ${p.trigger || 'someone'} with ${p.nodes ?? '?'} nodes`;
    case 'node_started':
      return `Started (attempt ${p.attempt ?? 1})`;
    case 'node_progress':
      return `Progress ${p.done}${p.total ? ` of ${p.total}` : ''} ${p.unit || ''}`;
    case 'node_completed':
      return `Completed with ${p.items ?? 0} item${p.items === 1 ? '' : 's'} in ${formatDuration(p.duration_ms)}`;
    case 'node_failed':
      return `Failed${p.error_code ? ` (${p.error_code})` : ''}: ${p.message || 'no reason given'}`;
    case 'gate_requested':
      return 'Waiting for a person to approve';
    case 'gate_decision':
      return p.approved ? 'Approved' : 'Rejected';
    case 'authorization_requested':
      return `Waiting for authorization at ${p.url}`;
    case 'authorization_completed':
      return 'Authorized';
    case 'run_failed':
      return `Run failed${p.error_code ? ` (${p.error_code})` : ''}: ${p.message || ''}`;
    default:
      return event.type.replace(/_/g, ' ');
  }
}

export function RunPage({ executionId }) {
  const [run, setRun] = useState(null);
  const [project, setProject] = useState(null);
  const [graph, setGraph] = useState(null);
  const [results, setResults] = useState({});
  const [events, setEvents] = useState([]);
  const [statuses, setStatuses] = useState({});
  const [selected, setSelected] = useState(null);
  const [error, setError] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [stream, setStream] = useState('connecting');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = useRef(false);
  const refresh = useRef(null);
  useTitle(run ? `Run ${run.id} · ${run.status}` : 'Run');

  const reload = async () => {
    const [r, res] = await Promise.all([get(`/executions/${executionId}`), get(`/executions/${executionId}/results`)]);
    setRun(r);
    setResults(res.results || {});
    setStatuses((current) => {
      const next = { ...current };
      for (const [key, node] of Object.entries(res.results || {})) {
        next[key] = node.authorization ? 'awaiting_authorization' : node.status;
      }
      return next;
    });
    if (!chosen.current) {
      const failed = Object.entries(res.results || {}).find(([, node]) => node.status === 'failed');
      const waiting = Object.entries(res.results || {}).find(([, node]) => node.status === 'waiting');
      if (failed || waiting) {
        setSelected((failed || waiting)[0]);
        chosen.current = Boolean(failed);
      }
    }
    return r;
  };
  const scheduleReload = () => {
    clearTimeout(refresh.current);
    refresh.current = setTimeout(() => reload().catch(setError), 250);
  };

  useEffect(() => {
    let stop = () => {};
    let live = true;
    Promise.all([reload(), get(`/executions/${executionId}/chain`)]).then(([r, chain]) => {
      if (!live) {
        return;
      }
      setGraph(chainGraph(chain));
      get(`/projects/${r.project_id}`).then(setProject, () => setProject(null));
      stop = followEvents(executionId, (event) => {
        setEvents((current) => [...current, event]);
        const node = event.payload && event.payload.node;
        const status = statusFrom(event);
        if (node && status) {
          setStatuses((current) => ({ ...current, [node]: status }));
        }
        if (event.type === 'node_failed' && node && !chosen.current) {
          setSelected(node);
          chosen.current = true;
        }
        if (event.type === 'gate_requested' && node && !chosen.current) {
          setSelected(node);
        }
        if (['run_completed', 'run_failed', 'run_cancelled'].includes(event.type)) {
          stop();
          setStream('ended');
        }
        scheduleReload();
      }, setStream);
      if (TERMINAL.has(r.status)) {
        // the stream replays what happened; it ends with the run's last event
        setStream('replay');
      }
    }, (err) => live && setLoadError(err));
    return () => {
      live = false;
      stop();
      clearTimeout(refresh.current);
    };
  }, [executionId]);

  const act = async (action, body) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await post(`/executions/${executionId}/${action}`, body);
      if (action === 'rerun') {
        navigate(`/executions/${answer.execution_id || answer.id}`);
        return;
      }
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const decide = (approved) => {
    const nodeId = selected.replace(/^node_/, '');
    act(`gates/${nodeId}`, { approved, reason: reason.trim() || undefined }).then(() => setReason(''));
  };

  if (loadError) {
    return h('section', { class: 'page' }, h(ErrorNotice, { error: loadError }),
      h(Link, { to: '/projects' }, 'Back to projects'));
  }
  if (!run || !graph) {
    return h(Loading, { what: 'Loading the run' });
  }
  const status = run.status;
  const node = selected ? results[selected] : null;
  const nodeInfo = selected ? graph.nodes.find((n) => n.key === selected) : null;
  const nodeEvents = events.filter((e) => e.payload && e.payload.node === selected);
  const gateOpen = selected && statuses[selected] === 'waiting' && !TERMINAL.has(status);
  const duration = durationBetween(run.started_at, run.completed_at);

  return h('section', { class: 'page run-page' },
    h('div', { class: 'page-header' },
      h('h1', null, `Run ${run.id} `, h(StatusBadge, { status }), h('span', { class: 'sr-only', 'aria-live': 'polite' },
        `Run ${status}`)),
      h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Run' },
        !TERMINAL.has(status) ? h('button', { type: 'button', class: 'danger', disabled: busy, onClick: () => {
          if (window.confirm('Cancel this run? Nodes that are working are stopped.')) {
            act('cancel');
          }
        } }, 'Cancel run') : null,
        status === 'running' || status === 'waiting'
          ? h('button', { type: 'button', class: 'secondary', disabled: busy, onClick: () => act('pause') }, 'Pause') : null,
        status === 'paused' ? h('button', { type: 'button', disabled: busy, onClick: () => act('resume') }, 'Resume') : null,
        TERMINAL.has(status) ? h('button', { type: 'button', class: 'secondary', disabled: busy, onClick: () => act('rerun') },
          'Rerun') : null)),
    h('dl', { class: 'facts' },
      fact('Project', h('span', null, h(Link, { to: `/projects/${run.project_id}` },
        project ? project.name : `#${run.project_id}`), ' · ',
        h(Link, { to: `/projects/${run.project_id}/executions` }, 'history'))),
      fact('Started', formatTime(run.started_at)),
      fact('Duration', formatDuration(duration)),
      fact('Trigger', run.trigger),
      fact('By', run.initiated_by || '—'),
      fact('Run id', h('code', null, run.run_id)),
      fact('Live', h('span', { 'data-stream': stream }, stream))),
    h(ErrorNotice, { error, onClose: () => setError(null) }),
    (run.awaiting_authorization || []).map((a) => h(Notice, { key: a.node, kind: 'warning' },
      `${a.node} waits for authorization: `, h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' },
        'open the provider\'s page'))),
    h('div', { class: 'run-layout' },
      h('div', { class: 'run-graph-panel card' },
        h('h2', null, 'Graph'),
        h('div', { class: 'graph-scroll' }, h(RunGraph, { graph, statuses, selected, label: `Graph of run ${run.id}`,
          onSelect: (key) => {
            chosen.current = true;
            setSelected(key);
          } })),
        h(Timeline, { graph, results })),
      h('div', { class: 'run-node-panel card', 'aria-live': 'polite' },
        !selected ? h('p', { class: 'muted' }, 'Select a node to see its output and log.') : h('div', null,
          h('h2', null, nodeInfo ? nodeInfo.label : selected, ' ', h(StatusBadge, { status: statuses[selected] })),
          h('p', { class: 'muted' }, `${selected} · ${nodeInfo ? nodeInfo.pluginId : ''}`
            + (node && node.attempts ? ` · ${node.attempts} attempt${node.attempts === 1 ? '' : 's'}` : '')),
          gateOpen ? h('div', { class: 'gate card', role: 'group', 'aria-label': 'Approval' },
            h('h3', null, 'This step waits for your decision'),
            h(Field, { label: 'Reason (optional)', name: 'gate-reason', value: reason, onInput: setReason }),
            h('div', { class: 'actions' },
              h('button', { type: 'button', class: 'danger', disabled: busy, onClick: () => decide(false) }, 'Reject'),
              h('button', { type: 'button', disabled: busy, onClick: () => decide(true) }, 'Approve'))) : null,
          node && node.error ? h(Notice, { kind: 'error' }, h('strong', null, 'Error: '),
            typeof node.error === 'string' ? node.error : JSON.stringify(node.error)) : null,
          h('details', { class: 'log', open: true },
            h('summary', null, `Log (${nodeEvents.length})`),
            nodeEvents.length ? h('ol', { class: 'log-lines' }, nodeEvents.map((e) => h('li', { key: e.seq,
              class: `log-${e.type}` }, h('time', { datetime: e.created_at }, new Date(e.created_at).toLocaleTimeString()),
            ' ', describe(e)))) : h('p', { class: 'muted' }, 'Nothing logged yet.')),
          h('details', { class: 'output', open: Boolean(node && node.output) },
            h('summary', null, 'Output'),
            node && node.output ? h(Output, { output: node.output }) : h('p', { class: 'muted' }, 'No output yet.'))))),
    h('details', { class: 'card events' },
      h('summary', null, `All events (${events.length})`),
      h('ol', { class: 'log-lines' }, events.map((e) => h('li', { key: e.seq },
        h('time', { datetime: e.created_at }, new Date(e.created_at).toLocaleTimeString()), ' ',
        h('strong', null, e.payload && e.payload.node ? `${e.payload.node} ` : ''), describe(e))))));
}

function fact(term, value) {
  return h('div', null, h('dt', null, term), h('dd', null, value));
}

const OUTPUT_LIMIT = 20000;

function Output({ output }) {
  const text = JSON.stringify(output, null, 2);
  const items = Array.isArray(output) ? output.reduce((n, f) => n + ((f.data || []).length), 0)
    : (output.data || []).length;
  return h('div', null,
    h('p', { class: 'muted' }, `${items} item${items === 1 ? '' : 's'}`),
    h('pre', { class: 'code output-text', tabIndex: 0, 'aria-label': 'Node output' },
      text.length > OUTPUT_LIMIT ? `${text.substring(0, OUTPUT_LIMIT)}\n… (${text.length - OUTPUT_LIMIT} more characters)` : text));
}

/** Each node's time as a bar from the run's first start to its last end. */
function Timeline({ graph, results }) {
  const spans = graph.nodes.map((n) => {
    const r = results[n.key] || {};
    return { key: n.key, label: n.label, start: r.started_at ? Date.parse(r.started_at) : null,
      end: r.completed_at ? Date.parse(r.completed_at) : null, status: r.status };
  }).filter((s) => s.start);
  if (!spans.length) {
    return h('p', { class: 'muted' }, 'The timeline fills in as nodes start.');
  }
  const now = Date.now();
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => s.end || now));
  const total = Math.max(1, last - first);
  return h('div', { class: 'timeline' },
    h('h3', null, 'Timeline'),
    h('ul', { 'aria-label': 'Node durations' }, spans.map((s) => {
      const left = ((s.start - first) / total) * 100;
      const width = Math.max(0.5, (((s.end || now) - s.start) / total) * 100);
      const duration = formatDuration((s.end || now) - s.start);
      return h('li', { key: s.key },
        h('span', { class: 'timeline-label' }, s.label),
        h('span', { class: 'timeline-track' },
          h('span', { class: `timeline-bar status-${s.status}`, style: { left: `${left}%`, width: `${width}%` },
            title: `${s.label}: ${duration}` })),
        h('span', { class: 'timeline-duration' }, duration));
    })));
}
