// Sign-in: e-mail and password, then an MFA code (or enrolment, when MFA is required of an
// account that has none yet).
import { useState } from 'preact/hooks';
import { get, post } from './api.js';
import { h, Field, ErrorNotice, Notice, useTitle } from './ui.js';
import { MfaEnrolment } from './mfa.js';

export function LoginPage({ onSignedIn }) {
  useTitle('Sign in');
  const [step, setStep] = useState('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const finish = async () => onSignedIn(await get('/auth/me'));

  const submitPassword = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await post('/login', { email, password }, { quiet401: true });
      setPassword('');
      if (answer.status === 'mfa_required') {
        setStep('code');
      } else if (answer.status === 'mfa_setup_required') {
        setStep('enrol');
      } else {
        await finish();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/mfa/verify', { code: code.trim() }, { quiet401: true });
      await finish();
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  let form;
  if (step === 'password') {
    form = h('form', { onSubmit: submitPassword, 'aria-label': 'Sign in' },
      h(Field, { label: 'E-mail', type: 'email', name: 'email', value: email, onInput: setEmail, required: true,
        autocomplete: 'username' }),
      h(Field, { label: 'Password', type: 'password', name: 'password', value: password, onInput: setPassword,
        required: true, autocomplete: 'current-password' }),
      h('button', { type: 'submit', disabled: busy }, busy ? 'Signing in…' : 'Sign in'));
  } else if (step === 'code') {
    form = h('form', { onSubmit: submitCode, 'aria-label': 'Multi-factor authentication' },
      h(Notice, null, 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.'),
      h(Field, { label: 'Authentication code', name: 'code', value: code, onInput: setCode, required: true,
        autocomplete: 'one-time-code', inputmode: 'numeric', autofocus: true }),
      h('button', { type: 'submit', disabled: busy }, busy ? 'Checking…' : 'Verify'),
      h('button', { type: 'button', class: 'link', onClick: () => {
        setStep('password');
        setError(null);
      } }, 'Use another account'));
  } else {
    form = h('div', null,
      h(Notice, null, 'Your organisation requires multi-factor authentication. Set it up to continue.'),
      h(MfaEnrolment, { onDone: finish }));
  }
  return h('div', { class: 'login' },
    h('main', { class: 'login-card' },
      h('h1', null, h('img', { src: '/console/favicon.svg', alt: '' }), 'Sign in to Quantra'),
      h(ErrorNotice, { error }),
      form));
}
