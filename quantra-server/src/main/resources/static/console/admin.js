// Administration for staff: user accounts, security settings, the audit log and service endpoints.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, post, put, patch, del } from './api.js';
import { h, Checkbox, ConfirmDialog, Dialog, ErrorNotice, Field, Link, Notice, Pager, RowActions, Select, StatusBadge,
  TextArea, formatTime, pending, useId, useLoad, useSubmit, useTitle } from './ui.js';

const SECTIONS = [
  { id: 'users', label: 'Users', component: UsersSection },
  { id: 'settings', label: 'Settings', component: SettingsSection },
  { id: 'audit', label: 'Audit log', component: AuditSection },
  { id: 'endpoints', label: 'Service endpoints', component: EndpointsSection },
];

const USERS_PAGE = 50;
const AUDIT_PAGE = 50;
const HEALTH_REFRESH_MS = 15000;

export function AdminPage({ section, user }) {
  const current = SECTIONS.find((s) => s.id === section);
  useTitle(current ? `${current.label} · Administration` : 'Administration');
  return h('div', { class: 'page admin' },
    h('div', { class: 'page-header' }, h('h1', null, 'Administration')),
    h(AdminTabs, { section }),
    current
      ? h(current.component, { user })
      : h(Notice, { kind: 'error' }, `There is no administration section “${section}”. Choose one above.`));
}

function AdminTabs({ section }) {
  return h('nav', { class: 'tabs', 'aria-label': 'Administration sections' },
    h('ul', null, SECTIONS.map((s) => h('li', { key: s.id },
      h(Link, { to: `/admin/${s.id}`, 'aria-current': s.id === section ? 'page' : undefined }, s.label)))));
}

function DialogActions({ busy, submitLabel, busyLabel, onCancel }) {
  return h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', onClick: onCancel }, 'Cancel'),
    h('button', { type: 'submit', disabled: busy }, busy ? busyLabel : submitLabel));
}

function fullName(person) {
  return [person.first_name, person.last_name].filter(Boolean).join(' ');
}

/* ---------- users ---------- */

function UsersSection({ user: me }) {
  const [offset, setOffset] = useState(0);
  const [data, error, reload] = useLoad(() => get(`/users?limit=${USERS_PAGE}&offset=${offset}`), [offset]);
  const [dialog, setDialog] = useState(null);
  const [flash, setFlash] = useState(null);
  const [actionError, setActionError] = useState(null);

  const done = (message) => {
    setDialog(null);
    setFlash(message);
    reload();
  };
  const change = async (account, body, message) => {
    setActionError(null);
    try {
      await patch(`/users/${account.id}`, body);
      done(message);
    } catch (err) {
      setActionError(err);
    }
  };
  const actions = {
    edit: (account) => setDialog({ kind: 'edit', account }),
    unlock: (account) => change(account, { unlock: true }, `${account.email} is unlocked.`),
    reactivate: (account) => change(account, { is_active: true }, `${account.email} is active again.`),
    resetMfa: (account) => setDialog({ kind: 'reset-mfa', account }),
    deactivate: (account) => setDialog({ kind: 'deactivate', account }),
  };

  return h('section', { 'aria-labelledby': 'users-heading', class: 'admin-section' },
    h('div', { class: 'section-header' },
      h('h2', { id: 'users-heading' }, 'Users'),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', onClick: () => setDialog({ kind: 'create' }) }, 'New user'))),
    h(Notice, { kind: 'success', onClose: () => setFlash(null) }, flash),
    h(ErrorNotice, { error: actionError, onClose: () => setActionError(null) }),
    pending(data, error, reload, 'Loading users') || h('div', null,
      h(UsersTable, { users: data.users, me, actions }),
      h(Pager, { label: 'Users pages', total: data.total, limit: data.limit, offset: data.offset,
        onChange: setOffset })),
    dialog && dialog.kind === 'create'
      ? h(UserCreateDialog, { onClose: () => setDialog(null),
        onCreated: (created) => done(`Account ${created.email} created.`) }) : null,
    dialog && dialog.kind === 'edit'
      ? h(UserEditDialog, { account: dialog.account, me, onClose: () => setDialog(null),
        onSaved: (saved) => done(`${saved.email} saved.`) }) : null,
    dialog && dialog.kind === 'deactivate'
      ? h(ConfirmDialog, {
        title: `Deactivate ${dialog.account.email}?`, confirmLabel: 'Deactivate', onClose: () => setDialog(null),
        onConfirm: async () => {
          await del(`/users/${dialog.account.id}`);
          setFlash(`${dialog.account.email} is deactivated.`);
          reload();
        },
      }, h('p', null, 'The account can no longer sign in, and its sessions and tokens end at once. ',
        'Its history stays, and you can reactivate it later.')) : null,
    dialog && dialog.kind === 'reset-mfa'
      ? h(ConfirmDialog, {
        title: `Reset MFA of ${dialog.account.email}?`, confirmLabel: 'Reset MFA', onClose: () => setDialog(null),
        onConfirm: async () => {
          await patch(`/users/${dialog.account.id}`, { reset_mfa: true });
          setFlash(`MFA of ${dialog.account.email} is reset.`);
          reload();
        },
      }, h('p', null, 'Their authenticator app and recovery codes stop working. ',
        'They sign in with their password alone, or set MFA up again if the settings require it.')) : null);
}

function UsersTable({ users, me, actions }) {
  if (!users.length) {
    return h('p', { class: 'empty' }, 'No user accounts on this page.');
  }
  return h('table', { class: 'table', 'aria-label': 'User accounts' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'E-mail'),
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Role'),
      h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col' }, 'MFA'),
      h('th', { scope: 'col' }, 'Created'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    h('tbody', null, users.map((account) => h(UserRow, { key: account.id, account, self: account.id === me.id,
      actions }))));
}

function UserRow({ account, self, actions }) {
  const button = (label, onClick, variant = 'secondary') => h('button', {
    type: 'button', class: variant, onClick: () => onClick(account), 'aria-label': `${label} ${account.email}`,
  }, label);
  return h('tr', null,
    h('th', { scope: 'row' }, account.email, self ? h('span', { class: 'muted' }, ' (you)') : null),
    h('td', null, fullName(account) || h('span', { class: 'muted' }, '—')),
    h('td', null, account.is_staff ? 'Staff' : 'User'),
    h('td', null,
      h('span', { class: `badge status-${account.is_active ? 'active' : 'inactive'}` },
        account.is_active ? 'Active' : 'Inactive'),
      account.is_locked ? h('span', { class: 'badge status-locked' }, 'Locked') : null),
    h('td', null, account.mfa_enabled ? 'On' : 'Off'),
    h('td', null, formatTime(account.created_at)),
    h(RowActions, null,
      button('Edit', actions.edit),
      account.is_locked ? button('Unlock', actions.unlock) : null,
      account.mfa_enabled ? button('Reset MFA', actions.resetMfa) : null,
      self ? null
        : account.is_active ? button('Deactivate', actions.deactivate, 'danger')
          : button('Reactivate', actions.reactivate)));
}

function UserCreateDialog({ onClose, onCreated }) {
  const [form, setForm] = useState({ email: '', first_name: '', last_name: '', password: '', is_staff: false });
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const { busy, error, submit } = useSubmit(async () => {
    onCreated(await post('/users', { ...form, email: form.email.trim() }));
  });
  return h(Dialog, { title: 'New user', onClose },
    h('form', { onSubmit: submit, noValidate: true, class: 'dialog-form' },
      h(ErrorNotice, { error }),
      h(Field, { label: 'E-mail', type: 'email', name: 'email', value: form.email, onInput: set('email'),
        required: true, autocomplete: 'off' }),
      h(Field, { label: 'First name', name: 'first_name', value: form.first_name, onInput: set('first_name'),
        autocomplete: 'off' }),
      h(Field, { label: 'Last name', name: 'last_name', value: form.last_name, onInput: set('last_name'),
        autocomplete: 'off' }),
      h(Field, { label: 'Password', type: 'password', name: 'password', value: form.password,
        onInput: set('password'), required: true, autocomplete: 'new-password',
        hint: 'At least 8 characters with an upper-case letter, a digit and a special character.' }),
      h(Checkbox, { label: 'Staff (may administer Quantra)', name: 'is_staff', checked: form.is_staff,
        onChange: set('is_staff') }),
      h(DialogActions, { busy, submitLabel: 'Create user', busyLabel: 'Creating…', onCancel: onClose })));
}

function UserEditDialog({ account, me, onClose, onSaved }) {
  const self = account.id === me.id;
  const [form, setForm] = useState({ first_name: account.first_name || '', last_name: account.last_name || '',
    is_staff: account.is_staff, password: '' });
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const { busy, error, submit } = useSubmit(async () => {
    const body = { first_name: form.first_name, last_name: form.last_name };
    if (form.is_staff !== account.is_staff) {
      body.is_staff = form.is_staff;
    }
    if (form.password) {
      body.password = form.password;
    }
    onSaved(await patch(`/users/${account.id}`, body));
  });
  return h(Dialog, { title: `Edit ${account.email}`, onClose },
    h('form', { onSubmit: submit, noValidate: true, class: 'dialog-form' },
      h(ErrorNotice, { error }),
      h(Field, { label: 'First name', name: 'first_name', value: form.first_name, onInput: set('first_name'),
        autocomplete: 'off' }),
      h(Field, { label: 'Last name', name: 'last_name', value: form.last_name, onInput: set('last_name'),
        autocomplete: 'off' }),
      h(Checkbox, { label: 'Staff (may administer Quantra)', name: 'is_staff', checked: form.is_staff,
        onChange: set('is_staff'), disabled: self,
        hint: self ? 'You cannot remove your own staff status.' : undefined }),
      h(Field, { label: 'New password', type: 'password', name: 'password', value: form.password,
        onInput: set('password'), autocomplete: 'new-password',
        hint: 'Leave empty to keep the current password. A new one signs the user out everywhere.' }),
      h(DialogActions, { busy, submitLabel: 'Save', busyLabel: 'Saving…', onCancel: onClose })));
}

/* ---------- settings ---------- */

/** Words for the settings the server knows; keys it adds later get a label made from the key. */
const SETTING_TEXT = {
  session_timeout_minutes: { label: 'Session timeout (minutes)',
    hint: 'Idle time after which a console session ends. 1 to 43,200.' },
  max_login_attempts: { label: 'Failed sign-ins before lockout',
    hint: 'Consecutive failed sign-ins that lock an account. 1 to 100.' },
  lockout_minutes: { label: 'Lockout duration (minutes)',
    hint: 'How long a locked account stays locked. 1 to 10,080.' },
  mfa_required: { label: 'Require multi-factor authentication for every user',
    hint: 'Users without MFA must set it up at their next sign-in, and nobody can turn it off.' },
  webhooks_allow_private_targets: { label: 'Allow webhooks to private network addresses',
    hint: 'Lets webhooks reach loopback, private and link-local addresses, that is the network Quantra runs in. '
      + 'Leave off to guard against server-side request forgery.' },
};

function settingText(key) {
  const known = SETTING_TEXT[key];
  if (known) {
    return known;
  }
  const words = key.replace(/_/g, ' ');
  return { label: words.charAt(0).toUpperCase() + words.substring(1) };
}

/** The server names the offending field first in its message, e.g. `lockout_minutes must be …`. */
function errorFor(error, key) {
  return error && error.message && error.message.startsWith(`${key} `) ? error.message : undefined;
}

function SettingsSection() {
  const [data, error, reload] = useLoad(() => get('/settings'));
  return h('section', { 'aria-labelledby': 'settings-heading', class: 'admin-section' },
    h('div', { class: 'section-header' }, h('h2', { id: 'settings-heading' }, 'Security settings')),
    pending(data, error, reload, 'Loading settings') || h(SettingsForm, { settings: data }));
}

function SettingsForm({ settings }) {
  const [saved, setSaved] = useState(settings);
  const [values, setValues] = useState(() => draftOf(settings));
  const [flash, setFlash] = useState(null);
  const { busy, error, setError, submit } = useSubmit(async () => {
    setFlash(null);
    const body = bodyOf(saved, values);
    const answer = await put('/settings', body);
    setSaved(answer);
    setValues(draftOf(answer));
    setFlash('Settings saved.');
  });
  const onSubmit = (e) => {
    e.preventDefault();
    const wrong = Object.keys(saved)
      .find((key) => typeof saved[key] === 'number' && !/^\d+$/.test(values[key].trim()));
    if (wrong) {
      setError({ message: `${wrong} must be a whole number.`, errors: [] });
      return;
    }
    submit();
  };
  const set = (key) => (value) => setValues({ ...values, [key]: value });
  // an error about one setting is shown at its field, which takes the focus so that it is read out
  const invalidKey = Object.keys(saved).find((key) => errorFor(error, key));
  const form = useRef(null);
  useEffect(() => {
    if (invalidKey) {
      form.current.querySelector(`[name="${invalidKey}"]`).focus();
    }
  }, [error]);
  return h('form', { onSubmit, noValidate: true, class: 'settings-form', 'aria-labelledby': 'settings-heading',
    ref: form },
    h(Notice, { kind: 'success', onClose: () => setFlash(null) }, flash),
    invalidKey ? null : h(ErrorNotice, { error }),
    Object.keys(saved).map((key) => {
      const { label, hint } = settingText(key);
      if (typeof saved[key] === 'boolean') {
        return h(Checkbox, { key, name: key, label, hint, checked: values[key], onChange: set(key) });
      }
      return h(Field, { key, name: key, label, hint, value: values[key], onInput: set(key),
        type: typeof saved[key] === 'number' ? 'number' : 'text', required: true, error: errorFor(error, key) });
    }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', disabled: busy }, busy ? 'Saving…' : 'Save settings'),
      h('button', { type: 'button', class: 'secondary', disabled: busy, onClick: () => {
        setValues(draftOf(saved));
        setError(null);
      } }, 'Undo changes')));
}

/** Form values: numbers as the text typed, booleans as they are. */
function draftOf(settings) {
  const draft = {};
  for (const [key, value] of Object.entries(settings)) {
    draft[key] = typeof value === 'number' ? String(value) : value;
  }
  return draft;
}

function bodyOf(settings, draft) {
  const body = {};
  for (const [key, value] of Object.entries(settings)) {
    body[key] = typeof value === 'number' ? Number(draft[key]) : draft[key];
  }
  return body;
}

/* ---------- audit log ---------- */

/** The event types the server records, offered as suggestions; any other type can be typed. */
const AUDIT_EVENT_TYPES = ['login_success', 'login_failed', 'account_locked', 'password_changed', 'password_reset',
  'mfa_enabled', 'mfa_disabled', 'mfa_recovery_code_used', 'refresh_token_reused', 'user_created', 'user_registered',
  'user_updated', 'api_token_created', 'api_token_revoked', 'settings_updated', 'project_created', 'project_updated',
  'project_deleted', 'project_shared', 'member_role_changed', 'member_removed', 'ownership_transferred',
  'schedule_created', 'schedule_updated', 'schedule_deleted', 'webhook_created', 'webhook_deleted',
  'trigger_secret_created', 'trigger_secret_deleted', 'service_endpoint_created', 'service_endpoint_updated',
  'service_endpoint_deleted', 'gate_decision'];

const AUDIT_FILTERS = ['event_type', 'user', 'from_date', 'to_date', 'ip_address'];

/** Filters from the address (#/admin/audit?event_type=login_success), so a filtered view can be shared. */
function filtersFromHash() {
  const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
  const filters = {};
  for (const key of AUDIT_FILTERS) {
    filters[key] = query.get(key) || '';
  }
  return filters;
}

function queryOf(filters) {
  const query = new URLSearchParams();
  for (const key of AUDIT_FILTERS) {
    if (filters[key].trim()) {
      query.set(key, filters[key].trim());
    }
  }
  return query;
}

function AuditSection() {
  const [draft, setDraft] = useState(filtersFromHash);
  const [filters, setFilters] = useState(filtersFromHash);
  const [offset, setOffset] = useState(0);
  const [data, error, reload] = useLoad(() => {
    const query = queryOf(filters);
    query.set('limit', String(AUDIT_PAGE));
    query.set('offset', String(offset));
    return get(`/audit-logs?${query}`);
  }, [filters, offset]);

  const apply = (next) => {
    setFilters(next);
    setOffset(0);
    const query = queryOf(next).toString();
    window.history.replaceState(null, '', `#/admin/audit${query ? `?${query}` : ''}`);
  };
  const onSubmit = (e) => {
    e.preventDefault();
    apply({ ...draft });
  };
  const clear = () => {
    const empty = Object.fromEntries(AUDIT_FILTERS.map((key) => [key, '']));
    setDraft(empty);
    apply(empty);
  };
  const set = (key) => (value) => setDraft({ ...draft, [key]: value });
  const listId = useId('audit-event-types');

  return h('section', { 'aria-labelledby': 'audit-heading', class: 'admin-section' },
    h('div', { class: 'section-header' },
      h('h2', { id: 'audit-heading' }, 'Audit log'),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'secondary', onClick: reload }, 'Refresh'))),
    h('form', { class: 'filters', onSubmit, role: 'search', 'aria-label': 'Filter the audit log' },
      h(Field, { label: 'Event type', name: 'event_type', value: draft.event_type, onInput: set('event_type'),
        list: listId, autocomplete: 'off' }),
      h('datalist', { id: listId }, AUDIT_EVENT_TYPES.map((type) => h('option', { key: type, value: type }))),
      h(Field, { label: 'User (e-mail or id)', name: 'user', value: draft.user, onInput: set('user'),
        autocomplete: 'off' }),
      h(Field, { label: 'From date (UTC)', type: 'date', name: 'from_date', value: draft.from_date,
        onInput: set('from_date') }),
      h(Field, { label: 'To date (UTC)', type: 'date', name: 'to_date', value: draft.to_date,
        onInput: set('to_date') }),
      h(Field, { label: 'IP address', name: 'ip_address', value: draft.ip_address, onInput: set('ip_address'),
        autocomplete: 'off' }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, 'Apply filters'),
        h('button', { type: 'button', class: 'secondary', onClick: clear }, 'Clear filters'))),
    pending(data, error, reload, 'Loading the audit log') || h('div', null,
      h(AuditTable, { entries: data.audit_logs }),
      h(Pager, { label: 'Audit log pages', total: data.total, limit: data.limit, offset: data.offset,
        onChange: setOffset })));
}

function AuditTable({ entries }) {
  if (!entries.length) {
    return h('p', { class: 'empty' }, 'No audit log entries match these filters.');
  }
  return h('table', { class: 'table audit-table', 'aria-label': 'Audit log entries, newest first' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Time'),
      h('th', { scope: 'col' }, 'Event'),
      h('th', { scope: 'col' }, 'User'),
      h('th', { scope: 'col' }, 'Target'),
      h('th', { scope: 'col' }, 'IP address'),
      h('th', { scope: 'col' }, 'Details'))),
    h('tbody', null, entries.map((entry) => h('tr', { key: entry.id },
      h('td', null, h('time', { datetime: entry.created_at }, formatTime(entry.created_at))),
      h('td', null, h('code', { class: 'event-type' }, entry.event_type)),
      h('td', null, entry.user || (entry.user_id != null ? `#${entry.user_id}` : h('span', { class: 'muted' }, '—'))),
      h('td', null, entry.target_type ? [entry.target_type, entry.target_id].filter(Boolean).join(' ') : '—'),
      h('td', null, entry.ip_address || '—'),
      h('td', { class: 'details' }, describeDetails(entry.details))))));
}

function describeDetails(details) {
  const entries = Object.entries(details || {});
  if (!entries.length) {
    return '—';
  }
  return entries.map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null
    ? JSON.stringify(value) : value}`).join(', ');
}

/* ---------- service endpoints ---------- */

function EndpointsSection() {
  const [data, error, reload] = useLoad(() => get('/service-endpoints'));
  const [dialog, setDialog] = useState(null);
  const [flash, setFlash] = useState(null);

  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) {
        reload();
      }
    }, HEALTH_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const done = (message) => {
    setDialog(null);
    setFlash(message);
    reload();
  };

  return h('section', { 'aria-labelledby': 'endpoints-heading', class: 'admin-section' },
    h('div', { class: 'section-header' },
      h('h2', { id: 'endpoints-heading' }, 'Service endpoints'),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'secondary', onClick: reload }, 'Refresh'),
        h('button', { type: 'button', onClick: () => setDialog({ kind: 'create' }) }, 'New endpoint'))),
    h('p', { class: 'muted' }, 'Tool microservices that run plugins. Quantra checks their health every few seconds; ',
      'a new endpoint stays inactive until its first successful check.'),
    h(Notice, { kind: 'success', onClose: () => setFlash(null) }, flash),
    pending(data, error, reload, 'Loading service endpoints') || h(EndpointsTable, {
      endpoints: data.service_endpoints,
      onEdit: (endpoint) => setDialog({ kind: 'edit', endpoint }),
      onDelete: (endpoint) => setDialog({ kind: 'delete', endpoint }),
    }),
    dialog && dialog.kind === 'create'
      ? h(EndpointDialog, { onClose: () => setDialog(null),
        onSaved: (saved) => done(`Service endpoint ${saved.name} registered.`) }) : null,
    dialog && dialog.kind === 'edit'
      ? h(EndpointDialog, { endpoint: dialog.endpoint, onClose: () => setDialog(null),
        onSaved: (saved) => done(`Service endpoint ${saved.name} saved.`) }) : null,
    dialog && dialog.kind === 'delete'
      ? h(ConfirmDialog, {
        title: `Remove ${dialog.endpoint.name}?`, confirmLabel: 'Remove endpoint', onClose: () => setDialog(null),
        onConfirm: async () => {
          await del(`/service-endpoints/${dialog.endpoint.id}`);
          setFlash(`Service endpoint ${dialog.endpoint.name} removed.`);
          reload();
        },
      }, h('p', null, 'Pipelines that use its plugins (',
        (dialog.endpoint.plugin_ids || []).join(', ') || 'none', ') can no longer run them.')) : null);
}

function EndpointsTable({ endpoints, onEdit, onDelete }) {
  if (!endpoints.length) {
    return h('p', { class: 'empty' }, 'No service endpoints are registered yet.');
  }
  return h('table', { class: 'table', 'aria-label': 'Registered service endpoints' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Address'),
      h('th', { scope: 'col' }, 'Plugins'),
      h('th', { scope: 'col' }, 'Health'),
      h('th', { scope: 'col' }, 'Version'),
      h('th', { scope: 'col' }, 'Last check'),
      h('th', { scope: 'col' }, 'Shared secret'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    h('tbody', null, endpoints.map((endpoint) => h('tr', { key: endpoint.id },
      h('th', { scope: 'row' }, endpoint.name),
      h('td', null, h('code', null, `${endpoint.protocol}://${hostForUrl(endpoint.host)}:${endpoint.port}`)),
      h('td', null, endpoint.plugin_ids.length ? h('code', null, endpoint.plugin_ids.join(', '))
        : h('span', { class: 'muted' }, 'none')),
      h('td', null, h(StatusBadge, { status: endpoint.status }),
        endpoint.status_message ? h('p', { class: 'status-message' }, endpoint.status_message) : null),
      h('td', null, endpoint.version || '—',
        endpoint.protocol_version ? h('span', { class: 'muted' }, ` (protocol ${endpoint.protocol_version})`) : null),
      h('td', null, formatTime(endpoint.last_health_check)),
      h('td', null, endpoint.has_secret ? 'Set' : 'None'),
      h(RowActions, null,
        h('button', { type: 'button', class: 'secondary', onClick: () => onEdit(endpoint),
          'aria-label': `Edit ${endpoint.name}` }, 'Edit'),
        h('button', { type: 'button', class: 'danger', onClick: () => onDelete(endpoint),
          'aria-label': `Remove ${endpoint.name}` }, 'Remove'))))));
}

function hostForUrl(host) {
  return host.includes(':') ? `[${host}]` : host;
}

function EndpointDialog({ endpoint, onClose, onSaved }) {
  const editing = !!endpoint;
  const [form, setForm] = useState({
    name: editing ? endpoint.name : '',
    host: editing ? endpoint.host : '',
    port: editing ? String(endpoint.port) : '',
    protocol: editing ? endpoint.protocol : 'grpc',
    plugins: editing ? endpoint.plugin_ids.join(', ') : '',
    secret: '',
    removeSecret: false,
    ca: editing ? endpoint.ca_certificate || '' : '',
  });
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const { busy, error, submit } = useSubmit(async () => {
    const body = endpointBody(form, endpoint);
    const saved = editing
      ? await put(`/service-endpoints/${endpoint.id}`, body, { headers: { 'If-Match': `"${endpoint.revision}"` } })
      : await post('/service-endpoints', body);
    onSaved(saved);
  });
  return h(Dialog, { title: editing ? `Edit ${endpoint.name}` : 'New service endpoint', onClose, wide: true },
    h('form', { onSubmit: submit, noValidate: true, class: 'dialog-form' },
      h(ErrorNotice, { error }),
      h(Field, { label: 'Name', name: 'name', value: form.name, onInput: set('name'), required: true,
        autocomplete: 'off' }),
      h(Field, { label: 'Host', name: 'host', value: form.host, onInput: set('host'), required: true,
        autocomplete: 'off', hint: 'A host name or IP address without scheme or port, such as ocr.internal.' }),
      h(Field, { label: 'Port', type: 'number', name: 'port', value: form.port, onInput: set('port'), required: true,
        inputmode: 'numeric' }),
      h(Select, { label: 'Protocol', name: 'protocol', value: form.protocol, onChange: set('protocol'),
        options: [{ value: 'grpc', label: 'grpc (plain text)' }, { value: 'grpcs', label: 'grpcs (TLS)' }] }),
      h(Field, { label: 'Plugin ids', name: 'plugin_ids', value: form.plugins, onInput: set('plugins'),
        autocomplete: 'off', hint: 'The plugins it serves, separated by commas, such as ocr_tool, pdf_split.' }),
      h(Field, { label: editing && endpoint.has_secret ? 'New shared secret' : 'Shared secret', type: 'password',
        name: 'secret', value: form.secret, onInput: set('secret'), autocomplete: 'new-password',
        disabled: form.removeSecret,
        hint: editing && endpoint.has_secret ? 'A secret is set; it is never shown. Leave empty to keep it.'
          : 'Optional. Quantra presents it to the service on every call; it is never shown again.' }),
      editing && endpoint.has_secret
        ? h(Checkbox, { label: 'Remove the shared secret', name: 'remove_secret', checked: form.removeSecret,
          onChange: set('removeSecret') }) : null,
      form.protocol === 'grpcs'
        ? h(TextArea, { label: 'CA certificate (PEM)', name: 'ca_certificate', value: form.ca, onInput: set('ca'),
          hint: 'Optional. Certificates to trust for this service; leave empty to trust the usual authorities.' })
        : null,
      h(DialogActions, { busy, submitLabel: editing ? 'Save' : 'Register endpoint',
        busyLabel: 'Saving…', onCancel: onClose })));
}

/** The request body; on a change an empty secret field keeps the stored secret. */
function endpointBody(form, endpoint) {
  const body = {
    name: form.name.trim(),
    host: form.host.trim(),
    port: form.port.trim() === '' ? null : Number(form.port),
    protocol: form.protocol,
    plugin_ids: form.plugins.split(/[\s,]+/).filter(Boolean),
    ca_certificate: form.protocol === 'grpcs' && form.ca.trim() ? form.ca.trim() : null,
  };
  if (form.removeSecret) {
    body.secret = null;
  } else if (form.secret) {
    body.secret = form.secret;
  } else if (!endpoint) {
    body.secret = null;
  }
  return body;
}
