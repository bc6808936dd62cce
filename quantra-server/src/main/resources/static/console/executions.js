// A project's executions, newest first, each drawn with the graph it ran and how far it got.
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { h, ErrorNotice, Link, Loading, Pager, Select, StatusBadge, durationBetween, formatDuration, formatTime,
  useLoad, useTitle } from './ui.js';
import { RunGraph, chainGraph } from './graph.js';
import { ProjectTabs } from './projects.js';

const PAGE = 20;
const STATUSES = ['', 'queued', 'running', 'waiting', 'paused', 'completed', 'failed', 'cancelled'];
const TRIGGERS = ['', 'console', 'api', 'webhook', 'cli', 'schedule', 'tracker'];

/** The graph a run ran, with each node's status; loaded as the row is drawn. */
function RunThumbnail({ execution }) {
  const [state, setState] = useState(null);
  useEffect(() => {
    let live = true;
    Promise.all([get(`/executions/${execution.id}/chain`), get(`/executions/${execution.id}/results`)]).then(
      ([chain, results]) => {
        if (live) {
          const statuses = {};
          Object.entries(results.results || {}).forEach(([key, node]) => {
            statuses[key] = node.status;
          });
          setState({ graph: chainGraph(chain), statuses });
        }
      }, () => live && setState({ failed: true }));
    return () => {
      live = false;
    };
  }, [execution.id, execution.status]);
  if (!state) {
    return h('span', { class: 'muted' }, '…');
  }
  if (state.failed) {
    return h('span', { class: 'muted' }, 'graph unavailable');
  }
  return h(RunGraph, { graph: state.graph, statuses: state.statuses, scale: 0.32,
    label: `Graph of run ${execution.id}: ${Object.entries(state.statuses).map(([k, s]) => `${k} ${s}`).join(', ')}` });
}

export function ExecutionsPage({ projectId }) {
  const [status, setStatus] = useState('');
  const [trigger, setTrigger] = useState('');
  const [offset, setOffset] = useState(0);
  const [project] = useLoad(() => get(`/projects/${projectId}`), [projectId]);
  const query = new URLSearchParams({ limit: PAGE, offset });
  if (status) {
    query.set('status', status);
  }
  if (trigger) {
    query.set('trigger', trigger);
  }
  const [data, error, reload] = useLoad(() => get(`/projects/${projectId}/executions?${query}`),
    [projectId, status, trigger, offset]);
  useTitle(project ? `${project.name} · Executions` : 'Executions');
  useEffect(() => {
    // runs still going change: look again every few seconds while any is
    const going = data && data.executions.some((e) => !['completed', 'failed', 'cancelled'].includes(e.status));
    if (!going) {
      return undefined;
    }
    const timer = setTimeout(reload, 3000);
    return () => clearTimeout(timer);
  }, [data]);
  const label = (v, what) => (v ? v : `Any ${what}`);
  return h('section', { class: 'page' },
    h('div', { class: 'page-header' }, h('h1', null, project ? project.name : 'Project',
      h('span', { class: 'muted' }, ' · Executions'))),
    h(ProjectTabs, { projectId, current: 'executions' }),
    h('form', { class: 'filters', 'aria-label': 'Filter executions', onSubmit: (e) => e.preventDefault() },
      h(Select, { label: 'Status', name: 'status-filter', value: status, onChange: (v) => {
        setOffset(0);
        setStatus(v);
      }, options: STATUSES.map((v) => ({ value: v, label: label(v, 'status') })) }),
      h(Select, { label: 'Trigger', name: 'trigger-filter', value: trigger, onChange: (v) => {
        setOffset(0);
        setTrigger(v);
      }, options: TRIGGERS.map((v) => ({ value: v, label: label(v, 'trigger') })) })),
    h(ErrorNotice, { error }),
    !data ? h(Loading, { what: 'Loading executions' }) : !data.executions.length
      ? h('p', { class: 'empty' }, status || trigger ? 'No execution matches these filters.'
        : 'This pipeline has not run yet.')
      : h('div', null,
        h('table', { class: 'table executions', 'aria-label': 'Executions' },
          h('thead', null, h('tr', null, ['Run', 'Status', 'Graph', 'Started', 'Duration', 'Trigger', 'By']
            .map((c) => h('th', { scope: 'col', key: c }, c)))),
          h('tbody', null, data.executions.map((execution) => h('tr', { key: execution.id,
            'data-execution': execution.id },
          h('th', { scope: 'row' }, h(Link, { to: `/executions/${execution.id}` }, `Run ${execution.id}`)),
          h('td', null, h(StatusBadge, { status: execution.status })),
          h('td', { class: 'thumb' }, h(Link, { to: `/executions/${execution.id}`, tabIndex: -1, 'aria-hidden': 'true' },
            h(RunThumbnail, { execution }))),
          h('td', null, formatTime(execution.started_at)),
          h('td', null, formatDuration(durationBetween(execution.started_at, execution.completed_at))),
          h('td', null, execution.trigger),
          h('td', null, execution.initiated_by || '—'))))),
        h(Pager, { label: 'Execution pages', offset, limit: PAGE, total: data.total, onChange: setOffset })));
}
