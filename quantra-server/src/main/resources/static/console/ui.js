// Small building blocks shared by every page: elements, forms, messages and formats.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export { h };

let nextId = 0;
/** A stable id for pairing a label with its control. */
export function useId(prefix = 'f') {
  const ref = useRef(null);
  if (ref.current === null) {
    nextId += 1;
    ref.current = `${prefix}-${nextId}`;
  }
  return ref.current;
}

/** A labelled input; `hint` and `error` are read out with it. */
export function Field({ label, hint, error, type = 'text', value, onInput, required, autocomplete, name, ...rest }) {
  const id = useId(name || 'field');
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return h('div', { class: 'field' + (error ? ' invalid' : '') },
    h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    h('input', {
      id, name, type, value: value ?? '', required, autocomplete, 'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': described, onInput: (e) => onInput(e.currentTarget.value), ...rest,
    }),
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    error ? h('p', { id: `${id}-error`, class: 'error-text' }, error) : null);
}

export function Select({ label, value, options, onChange, name, hint }) {
  const id = useId(name || 'select');
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name, value, onChange: (e) => onChange(e.currentTarget.value) },
      options.map((o) => h('option', { value: o.value ?? o, key: o.value ?? o }, o.label ?? o))),
    hint ? h('p', { class: 'hint' }, hint) : null);
}

/** A message box; `role=alert` for errors so screen readers announce them. */
export function Notice({ kind = 'info', children, onClose }) {
  if (!children) {
    return null;
  }
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('div', { class: 'notice-text' }, children),
    onClose ? h('button', { type: 'button', class: 'link', onClick: onClose, 'aria-label': 'Dismiss' }, '×') : null);
}

/** What went wrong with a call, with the field errors the server listed. */
export function ErrorNotice({ error, onClose }) {
  if (!error) {
    return null;
  }
  return h(Notice, { kind: 'error', onClose },
    h('span', null, error.message),
    error.errors && error.errors.length ? h('ul', null, error.errors.map((e) => h('li', { key: e }, e))) : null);
}

/** A modal dialog that keeps focus inside and closes with Escape. */
export function Dialog({ title, onClose, children, wide }) {
  const ref = useRef(null);
  useEffect(() => {
    const previous = document.activeElement;
    const first = ref.current && ref.current.querySelector('input, select, textarea, button:not(.dialog-close)');
    (first || ref.current).focus();
    return () => previous && previous.focus && previous.focus();
  }, []);
  const onKeyDown = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
    if (e.key === 'Tab') {
      const focusable = [...ref.current.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')]
        .filter((el) => !el.disabled);
      if (focusable.length) {
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (e.shiftKey && document.activeElement === first) {
          last.focus();
          e.preventDefault();
        } else if (!e.shiftKey && document.activeElement === last) {
          first.focus();
          e.preventDefault();
        }
      }
    }
  };
  return h('div', { class: 'backdrop', onMouseDown: (e) => e.target === e.currentTarget && onClose() },
    h('div', {
      class: 'dialog' + (wide ? ' wide' : ''), role: 'dialog', 'aria-modal': 'true', 'aria-label': title,
      tabIndex: -1, ref, onKeyDown,
    },
    h('header', null, h('h2', null, title),
      h('button', { type: 'button', class: 'dialog-close link', onClick: onClose, 'aria-label': 'Close' }, '×')),
    children));
}

/** Loads data once (and again when `deps` change); answers [data, error, reload]. */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ data: undefined, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then((data) => live && setState({ data, error: null }),
      (error) => live && setState({ data: undefined, error }));
    return () => {
      live = false;
    };
  }, [...deps, version]);
  return [state.data, state.error, () => setVersion((v) => v + 1)];
}

export function Loading({ what = 'Loading' }) {
  return h('p', { class: 'loading', role: 'status' }, `${what}…`);
}

export function StatusBadge({ status }) {
  return h('span', { class: `badge status-${status}`, 'data-status': status }, (status || 'unknown').replace(/_/g, ' '));
}

export function formatTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatDuration(ms) {
  if (ms == null || Number.isNaN(ms)) {
    return '—';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60000) {
    return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
  }
  const minutes = Math.floor(ms / 60000);
  const seconds = Math.round((ms % 60000) / 1000);
  return `${minutes} min ${seconds} s`;
}

export function durationBetween(startIso, endIso) {
  if (!startIso) {
    return null;
  }
  return (endIso ? new Date(endIso) : new Date()) - new Date(startIso);
}

/** Sets the page title, for tabs and screen readers. */
export function useTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · Quantra` : 'Quantra';
  }, [title]);
}

export function navigate(path) {
  window.location.hash = `#${path}`;
}

export function Link({ to, children, ...rest }) {
  return h('a', { href: `#${to}`, ...rest }, children);
}

/** A labelled checkbox; `onChange` gets true or false. */
export function Checkbox({ label, checked, onChange, hint, name, disabled }) {
  const id = useId(name || 'check');
  return h('div', { class: 'field inline' },
    h('input', {
      id, name, type: 'checkbox', checked: !!checked, disabled,
      'aria-describedby': hint ? `${id}-hint` : undefined, onChange: (e) => onChange(e.currentTarget.checked),
    }),
    h('label', { for: id }, label),
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null);
}

/** A labelled multi-line text box. */
export function TextArea({ label, value, onInput, hint, name, rows = 6 }) {
  const id = useId(name || 'text');
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('textarea', {
      id, name, rows, value: value ?? '', spellcheck: false,
      'aria-describedby': hint ? `${id}-hint` : undefined, onInput: (e) => onInput(e.currentTarget.value),
    }),
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null);
}

/** Asks before something that cannot be undone; shows the server's answer if it fails. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return h(Dialog, { title, onClose },
    h('div', { class: 'dialog-body' }, children),
    h(ErrorNotice, { error }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
      h('button', { type: 'button', class: 'danger', onClick: confirm, disabled: busy },
        busy ? 'Working…' : confirmLabel)));
}

/** What a failed load says, with a way to try again. */
function LoadFailed({ error, onRetry }) {
  return h('div', { class: 'load-failed' },
    h(ErrorNotice, { error }),
    h('button', { type: 'button', class: 'secondary', onClick: onRetry }, 'Try again'));
}

/** What stands in for data until it is loaded: the failure with a retry, or a loading message; null once loaded. */
export function pending(data, error, reload, what) {
  if (error) {
    return h(LoadFailed, { error, onRetry: reload });
  }
  return data === undefined ? h(Loading, { what }) : null;
}

/** The last cell of a table row: its buttons. */
export function RowActions({ children }) {
  return h('td', null, h('div', { class: 'row-actions' }, children));
}

/** Previous and next page of a list the server pages with limit and offset. */
export function Pager({ label, total, limit, offset, onChange }) {
  if (!total || (offset === 0 && total <= limit)) {
    return null;
  }
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  return h('nav', { class: 'pager', 'aria-label': label },
    h('button', { type: 'button', class: 'secondary', disabled: offset === 0,
      onClick: () => onChange(Math.max(0, offset - limit)) }, 'Previous page'),
    h('span', { role: 'status' }, `${first}–${last} of ${total}`),
    h('button', { type: 'button', class: 'secondary', disabled: offset + limit >= total,
      onClick: () => onChange(offset + limit) }, 'Next page'));
}

/** Runs a form's submission: busy while it runs, the error kept if it fails. */
export function useSubmit(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    if (e) {
      e.preventDefault();
    }
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
