// MFA enrolment: a QR code drawn by the server, a code to confirm, recovery codes shown once.
import { useEffect, useState } from 'preact/hooks';
import { post } from './api.js';
import { h, Field, ErrorNotice, Loading, Notice } from './ui.js';

export function MfaEnrolment({ onDone, onCancel }) {
  const [setup, setSetup] = useState(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    post('/mfa/setup', {}).then(setSetup, setError);
  }, []);

  const enable = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await post('/mfa/enable', { code: code.trim() });
      setCodes(answer.recovery_codes || []);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return h('div', { class: 'mfa-done' },
      h(Notice, { kind: 'success' }, 'Multi-factor authentication is on.'),
      h('p', null, 'Keep these recovery codes somewhere safe. Each signs you in once if you lose your device. ',
        h('strong', null, 'They are shown only now.')),
      h('ul', { class: 'recovery-codes', 'aria-label': 'Recovery codes' },
        codes.map((c) => h('li', { key: c }, h('code', null, c)))),
      h('button', { type: 'button', onClick: () => onDone && onDone() }, 'I have saved them'));
  }
  if (!setup) {
    return error ? h(ErrorNotice, { error }) : h(Loading, { what: 'Preparing enrolment' });
  }
  return h('form', { class: 'mfa-enrolment', onSubmit: enable, 'aria-label': 'Set up multi-factor authentication' },
    h('ol', null,
      h('li', null, 'Scan this code with an authenticator app (such as FreeOTP, Aegis or Google Authenticator).'),
      h('li', null, 'Enter the 6-digit code it shows.')),
    h('img', { class: 'qr', alt: 'QR code for your authenticator app',
      src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}` }),
    h('p', null, 'Cannot scan? Enter this key by hand: ', h('code', { class: 'secret', 'data-secret': '' }, setup.secret)),
    h(ErrorNotice, { error }),
    h(Field, { label: 'Code from the app', name: 'mfa-code', value: code, onInput: setCode, required: true,
      autocomplete: 'one-time-code', inputmode: 'numeric' }),
    h('div', { class: 'actions start' },
      onCancel ? h('button', { type: 'button', class: 'secondary', onClick: onCancel }, 'Cancel set-up') : null,
      h('button', { type: 'submit', disabled: busy }, busy ? 'Checking…' : 'Turn on MFA')));
}
