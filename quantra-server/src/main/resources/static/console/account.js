// The signed-in user's own account: profile, password, MFA, API tokens and active sessions.
import { useState } from 'preact/hooks';
import { get, post, patch, del } from './api.js';
import { h, ConfirmDialog, Dialog, ErrorNotice, Field, Notice, RowActions, formatTime, pending, useLoad, useSubmit,
  useTitle } from './ui.js';
import { MfaEnrolment } from './mfa.js';

export function AccountPage() {
  useTitle('Your account');
  // /api/auth/me is the view of the account that says whether MFA is on
  const [me, error, reload] = useLoad(() => get('/api/auth/me'));
  const body = pending(me, error, reload, 'Loading your account') || [
    h(ProfileSection, { key: 'profile', me }),
    h(PasswordSection, { key: 'password', email: me.email }),
    h(MfaSection, { key: 'mfa', enabled: me.mfaEnabled, onChanged: reload }),
    h(TokensSection, { key: 'tokens' }),
    h(SessionsSection, { key: 'sessions' }),
  ];
  return h('div', { class: 'page account' },
    h('div', { class: 'page-header' }, h('h1', null, 'Your account')),
    body);
}

function AccountSection({ id, title, children }) {
  return h('section', { class: 'card account-section', 'aria-labelledby': id },
    h('h2', { id }, title),
    children);
}

/* ---------- profile ---------- */

function ProfileSection({ me }) {
  const [firstName, setFirstName] = useState(me.firstName || '');
  const [lastName, setLastName] = useState(me.lastName || '');
  const [flash, setFlash] = useState(null);
  const { busy, error, submit } = useSubmit(async () => {
    setFlash(null);
    const saved = await patch('/api/auth/profile', { firstName, lastName });
    setFirstName(saved.firstName || '');
    setLastName(saved.lastName || '');
    setFlash('Profile saved.');
  });
  return h(AccountSection, { id: 'profile-heading', title: 'Profile' },
    h('form', { onSubmit: submit, noValidate: true, 'aria-labelledby': 'profile-heading' },
      h(Notice, { kind: 'success', onClose: () => setFlash(null) }, flash),
      h(ErrorNotice, { error }),
      h('p', null, 'E-mail: ', h('strong', null, me.email), me.isStaff ? h('span', { class: 'badge' }, 'Staff') : null),
      h(Field, { label: 'First name', name: 'first_name', value: firstName, onInput: setFirstName,
        autocomplete: 'given-name' }),
      h(Field, { label: 'Last name', name: 'last_name', value: lastName, onInput: setLastName,
        autocomplete: 'family-name' }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', disabled: busy }, busy ? 'Saving…' : 'Save profile'))));
}

/* ---------- password ---------- */

function PasswordSection({ email }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const { busy, error, setError, submit } = useSubmit(async () => {
    await patch('/api/auth/profile', { currentPassword: current, newPassword: next });
    setChanged(true);
  });
  const onSubmit = (e) => {
    e.preventDefault();
    if (next !== repeat) {
      setError({ message: 'The new password and its repetition differ; type the same password twice.', errors: [] });
      return;
    }
    submit();
  };
  if (changed) {
    return h(AccountSection, { id: 'password-heading', title: 'Password' },
      h(Notice, { kind: 'success' }, 'Your password is changed. Every session, this one included, has ended: ',
        'sign in again with the new password.'),
      h('button', { type: 'button', onClick: () => window.location.reload() }, 'Sign in again'));
  }
  return h(AccountSection, { id: 'password-heading', title: 'Password' },
    h('form', { onSubmit, noValidate: true, 'aria-labelledby': 'password-heading' },
      h('p', { class: 'muted' }, 'Changing your password signs you out everywhere, here too. API tokens keep working.'),
      // tells password managers whose password this is
      h('input', { type: 'email', name: 'username', autocomplete: 'username', value: email, readOnly: true,
        hidden: true }),
      h(ErrorNotice, { error }),
      h(Field, { label: 'Current password', type: 'password', name: 'current_password', value: current,
        onInput: setCurrent, required: true, autocomplete: 'current-password' }),
      h(Field, { label: 'New password', type: 'password', name: 'new_password', value: next, onInput: setNext,
        required: true, autocomplete: 'new-password',
        hint: 'At least 8 characters with an upper-case letter, a digit and a special character.' }),
      h(Field, { label: 'Repeat the new password', type: 'password', name: 'repeat_password', value: repeat,
        onInput: setRepeat, required: true, autocomplete: 'new-password' }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', disabled: busy }, busy ? 'Changing…' : 'Change password'))));
}

/* ---------- multi-factor authentication ---------- */

function MfaSection({ enabled, onChanged }) {
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const closeEnrolment = () => {
    setEnrolling(false);
    onChanged();
  };
  let action;
  if (enrolling) {
    action = h('div', { class: 'mfa-setup' }, h(MfaEnrolment, { onDone: closeEnrolment, onCancel: closeEnrolment }));
  } else if (enabled) {
    action = h('button', { type: 'button', class: 'danger', onClick: () => setDisabling(true) }, 'Turn off MFA');
  } else {
    action = h('button', { type: 'button', onClick: () => setEnrolling(true) }, 'Set up MFA');
  }
  return h(AccountSection, { id: 'mfa-heading', title: 'Multi-factor authentication' },
    // a live region, so that turning MFA on or off is read out
    h('p', { role: 'status' }, 'Multi-factor authentication is ', h('strong', null, enabled ? 'on' : 'off'),
      enabled ? '. Signing in asks for a code from your authenticator app.'
        : '. Turn it on so that a stolen password alone cannot sign in as you.'),
    action,
    disabling ? h(MfaDisableDialog, {
      onClose: () => setDisabling(false),
      onDisabled: () => {
        setDisabling(false);
        onChanged();
      },
    }) : null);
}

function MfaDisableDialog({ onClose, onDisabled }) {
  const [code, setCode] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    // a wrong code answers 401 without ending the session, so it must not sign the console out
    await post('/mfa/disable', { code: code.trim() }, { quiet401: true });
    onDisabled();
  });
  return h(Dialog, { title: 'Turn off MFA', onClose },
    h('form', { onSubmit: submit, noValidate: true },
      h('p', null, 'Confirm with a code from your authenticator app, or with one of your recovery codes.'),
      h(ErrorNotice, { error }),
      h(Field, { label: 'Authentication code', name: 'mfa_code', value: code, onInput: setCode, required: true,
        autocomplete: 'one-time-code', hint: 'Wrong codes count as failed sign-ins and can lock your account.' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
        h('button', { type: 'submit', class: 'danger', disabled: busy }, busy ? 'Checking…' : 'Turn off MFA'))));
}

/* ---------- API tokens ---------- */

function TokensSection() {
  const [data, error, reload] = useLoad(() => get('/account/api-tokens'));
  const [dialog, setDialog] = useState(null);
  const [flash, setFlash] = useState(null);
  const list = pending(data, error, reload, 'Loading API tokens')
    || h(TokensTable, { tokens: data.api_tokens, onRevoke: (token) => setDialog({ kind: 'revoke', token }) });
  return h(AccountSection, { id: 'tokens-heading', title: 'API tokens' },
    h('p', { class: 'muted' }, 'API tokens let scripts and CI call the REST API as you ',
      '(header Authorization: Bearer <token>).'),
    h(Notice, { kind: 'success', onClose: () => setFlash(null) }, flash),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', onClick: () => {
        setFlash(null);
        setDialog({ kind: 'create' });
      } }, 'Create token')),
    list,
    dialog && dialog.kind === 'create' ? h(TokenCreateDialog, {
      onClose: () => setDialog(null),
      onCreated: reload,
    }) : null,
    dialog && dialog.kind === 'revoke' ? h(ConfirmDialog, {
      title: `Revoke the token “${dialog.token.name}”?`, confirmLabel: 'Revoke token', onClose: () => setDialog(null),
      onConfirm: async () => {
        await del(`/account/api-tokens/${dialog.token.id}`);
        setFlash(`Token “${dialog.token.name}” revoked.`);
        reload();
      },
    }, h('p', null, 'Anything that still uses it is refused from now on. This cannot be undone.')) : null);
}

function TokensTable({ tokens, onRevoke }) {
  if (!tokens.length) {
    return h('p', { class: 'empty' }, 'You have no API tokens.');
  }
  const now = Date.now();
  return h('table', { class: 'table', 'aria-label': 'Your API tokens' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Starts with'),
      h('th', { scope: 'col' }, 'Created'),
      h('th', { scope: 'col' }, 'Expires'),
      h('th', { scope: 'col' }, 'Last used'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    h('tbody', null, tokens.map((token) => h('tr', { key: token.id },
      h('th', { scope: 'row' }, token.name),
      h('td', null, h('code', null, token.token_hint)),
      h('td', null, formatTime(token.created_at)),
      h('td', null, token.expires_at ? formatTime(token.expires_at) : 'Never',
        token.expires_at && new Date(token.expires_at) <= now
          ? h('span', { class: 'badge status-expired' }, 'Expired') : null),
      h('td', null, token.last_used_at ? formatTime(token.last_used_at) : 'Never'),
      h(RowActions, null,
        h('button', { type: 'button', class: 'danger', onClick: () => onRevoke(token),
          'aria-label': `Revoke ${token.name}` }, 'Revoke'))))));
}

function TokenCreateDialog({ onClose, onCreated }) {
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState(null);
  const { busy, error, submit } = useSubmit(async () => {
    // a date input gives the day; the token lasts until that day ends (UTC)
    const body = { name: name.trim(), expires_at: expires ? `${expires}T23:59:59Z` : null };
    setCreated(await post('/account/api-tokens', body));
    onCreated();
  });
  if (created) {
    // a new dialog (key) so that focus moves to the token field
    return h(Dialog, { key: 'created', title: 'Copy your new API token', onClose },
      h(NewTokenValue, { token: created }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onClick: onClose }, 'Done, I have copied it')));
  }
  return h(Dialog, { key: 'form', title: 'Create an API token', onClose },
    h('form', { onSubmit: submit, noValidate: true },
      h(ErrorNotice, { error }),
      h(Field, { label: 'Name', name: 'token_name', value: name, onInput: setName, required: true,
        autocomplete: 'off', hint: 'What uses it, such as “CI pipeline” or “nightly export”.' }),
      h(Field, { label: 'Expires on (UTC, optional)', type: 'date', name: 'expires_at', value: expires,
        onInput: setExpires, hint: 'Leave empty for a token that does not expire.' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
        h('button', { type: 'submit', disabled: busy }, busy ? 'Creating…' : 'Create token'))));
}

/** The token value, shown this once, with a copy button. */
function NewTokenValue({ token }) {
  const [copied, setCopied] = useState(null);
  const copy = async () => {
    const field = document.getElementById('new-token-value');
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('Copied to the clipboard.');
    } catch (e) {
      // over plain HTTP there is no clipboard API: copy the selected field the old way, or leave it to Ctrl+C
      field.focus();
      field.select();
      const copiedOldWay = document.execCommand && document.execCommand('copy');
      setCopied(copiedOldWay ? 'Copied to the clipboard.'
        : 'Copying is blocked here: the token is selected, press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };
  return h('div', { class: 'new-token' },
    h(Notice, { kind: 'warning' }, h('strong', null, 'Copy this token now. You won’t see it again: '),
      'Quantra keeps only a fingerprint of it. If you lose it, revoke it and create a new one.'),
    h('div', { class: 'field' },
      h('label', { for: 'new-token-value' }, `Token “${token.name}”`),
      h('div', { class: 'copy-row' },
        h('input', { id: 'new-token-value', class: 'token-value', readOnly: true, value: token.token,
          spellcheck: false, autocomplete: 'off', onFocus: (e) => e.currentTarget.select() }),
        h('button', { type: 'button', class: 'secondary', onClick: copy }, 'Copy token'))),
    h('p', { class: 'copy-status', role: 'status' }, copied || ''));
}

/* ---------- sessions ---------- */

function SessionsSection() {
  const [data, error, reload] = useLoad(() => get('/account/sessions'));
  const [ending, setEnding] = useState(null);
  const [flash, setFlash] = useState(null);
  const list = pending(data, error, reload, 'Loading your sessions')
    || h(SessionsTable, { sessions: data.sessions, onEnd: setEnding });
  return h(AccountSection, { id: 'sessions-heading', title: 'Active sessions' },
    h('p', { class: 'muted' }, 'Where you are signed in: console sessions and token sign-ins of API clients.'),
    h(Notice, { kind: 'success', onClose: () => setFlash(null) }, flash),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', onClick: reload }, 'Refresh sessions')),
    list,
    ending ? h(ConfirmDialog, {
      title: 'End this session?', confirmLabel: 'End session', onClose: () => setEnding(null),
      onConfirm: async () => {
        await del(`/account/sessions/${encodeURIComponent(ending.id)}`);
        setFlash('Session ended.');
        reload();
      },
    }, h('p', null, `${sessionKind(ending)} from ${ending.user_agent || 'an unknown client'}, `,
      `last active ${formatTime(ending.last_seen_at)}, is signed out at once.`)) : null);
}

function sessionKind(session) {
  return session.kind === 'session' ? 'Console session' : 'Token sign-in';
}

function SessionsTable({ sessions, onEnd }) {
  if (!sessions.length) {
    return h('p', { class: 'empty' }, 'No active sessions.');
  }
  return h('table', { class: 'table', 'aria-label': 'Your active sessions' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Kind'),
      h('th', { scope: 'col' }, 'Client'),
      h('th', { scope: 'col' }, 'Signed in'),
      h('th', { scope: 'col' }, 'Last active'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    h('tbody', null, sessions.map((session) => h('tr', { key: session.id },
      h('th', { scope: 'row' }, sessionKind(session),
        session.current ? h('span', { class: 'badge status-current' }, 'This session') : null),
      h('td', { class: 'user-agent' }, session.user_agent || h('span', { class: 'muted' }, 'Unknown client')),
      h('td', null, formatTime(session.created_at)),
      h('td', null, formatTime(session.last_seen_at)),
      h(RowActions, null,
        session.current ? h('span', { class: 'muted' }, 'Use “Sign out” to end it')
          : h('button', { type: 'button', class: 'danger', onClick: () => onEnd(session),
            'aria-label': `End ${sessionKind(session).toLowerCase()} last active ${formatTime(session.last_seen_at)}` },
          'End session'))))));
}
