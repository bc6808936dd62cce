// The console's shell: who is signed in, the hash router and the navigation.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, hasSession, onSignedOut, post } from './api.js';
import { Link, Loading, navigate } from './ui.js';
import { LoginPage } from './login.js';
import { ProjectsPage, MembersPage } from './projects.js';
import { CanvasPage } from './canvas.js';
import { RunPage } from './run.js';
import { ExecutionsPage } from './executions.js';
import { AdminPage } from './admin.js';
import { AccountPage } from './account.js';

/** The hash route split into its parts: #/projects/3 → ['projects', '3']. */
function currentRoute() {
  const path = window.location.hash.replace(/^#/, '') || '/projects';
  return path.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

function useRoute() {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

function page(route, user) {
  const [first, id, sub] = route;
  if (first === 'projects' && id && sub === 'executions') {
    return h(ExecutionsPage, { projectId: id, key: `executions-${id}` });
  }
  if (first === 'projects' && id && sub === 'members') {
    return h(MembersPage, { projectId: id, user, key: `members-${id}` });
  }
  if (first === 'projects' && id) {
    return h(CanvasPage, { projectId: id, key: `canvas-${id}` });
  }
  if (first === 'executions' && id) {
    return h(RunPage, { executionId: id, key: `run-${id}` });
  }
  if (first === 'admin' && user.is_staff) {
    return h(AdminPage, { section: id || 'users', user, key: `admin-${id}` });
  }
  if (first === 'account') {
    return h(AccountPage, { user, key: 'account' });
  }
  return h(ProjectsPage, { user, key: 'projects' });
}

function Shell({ user, route, onLogout }) {
  const section = route[0] || 'projects';
  const item = (to, label, active) => h('li', null,
    h(Link, { to, 'aria-current': active ? 'page' : undefined, class: active ? 'active' : '' }, label));
  return h('div', { class: 'shell' },
    h('a', { class: 'skip', href: '#main', onClick: (e) => {
      e.preventDefault();
      document.getElementById('main').focus();
    } }, 'Skip to content'),
    h('header', { class: 'topbar' },
      h(Link, { to: '/projects', class: 'brand' }, h('img', { src: '/console/favicon.svg', alt: '' }), 'Quantra'),
      h('nav', { 'aria-label': 'Main' },
        h('ul', null,
          item('/projects', 'Projects', section === 'projects' || section === 'executions'),
          user.is_staff ? item('/admin/users', 'Administration', section === 'admin') : null,
          item('/account', 'Account', section === 'account'))),
      h('div', { class: 'who' },
        h('span', { class: 'email' }, user.email),
        h('button', { type: 'button', class: 'secondary', onClick: onLogout }, 'Sign out'))),
    h('main', { id: 'main', tabIndex: -1 }, page(route, user)));
}

function App() {
  const [user, setUser] = useState(undefined);
  const route = useRoute();
  useEffect(() => {
    // without the session's CSRF cookie there is no session to ask about
    if (hasSession()) {
      get('/auth/me', { quiet401: true }).then(setUser, () => setUser(null));
    } else {
      setUser(null);
    }
    return onSignedOut(() => setUser(null));
  }, []);
  if (user === undefined) {
    return h(Loading, { what: 'Starting the console' });
  }
  if (user === null) {
    return h(LoginPage, { onSignedIn: (signedIn) => {
      setUser(signedIn);
      if (currentRoute()[0] === 'login') {
        navigate('/projects');
      }
    } });
  }
  const logout = async () => {
    try {
      await post('/logout');
    } finally {
      setUser(null);
    }
  };
  return h(Shell, { user, route, onLogout: logout });
}

render(h(App), document.getElementById('app'));
