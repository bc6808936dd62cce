// Projects: the list, creating and sharing one, and a project's members.
import { useState } from 'preact/hooks';
import { del, get, post, put } from './api.js';
import { h, Dialog, ErrorNotice, Field, Link, Loading, Notice, Pager, Select, formatTime, navigate, useLoad,
  useTitle } from './ui.js';

const PAGE = 25;
const ROLES = ['viewer', 'runner', 'editor', 'admin', 'owner'];
const PERMISSIONS = [
  { value: 'read', label: 'Read (viewer)' },
  { value: 'execute', label: 'Execute (runner)' },
  { value: 'write', label: 'Write (editor)' },
];

/** Creates a project, or renames and describes `project` when given. */
function ProjectDialog({ project, onClose, onSaved }) {
  const [name, setName] = useState(project ? project.name : '');
  const [description, setDescription] = useState(project ? project.description || '' : '');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { name: name.trim(), description: description.trim() };
      if (project) {
        await put(`/projects/${project.id}`, body);
        onSaved();
        onClose();
      } else {
        navigate(`/projects/${(await post('/projects', body)).id}`);
      }
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return h(Dialog, { title: project ? `Edit ${project.name}` : 'New project', onClose },
    h('form', { onSubmit: submit },
      h(ErrorNotice, { error }),
      h(Field, { label: 'Name', name: 'project-name', value: name, onInput: setName, required: true, maxLength: 200 }),
      h(Field, { label: 'Description', name: 'project-description', value: description, onInput: setDescription }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
        h('button', { type: 'submit', disabled: busy || !name.trim() }, project ? 'Save' : 'Create project'))));
}

function ShareDialog({ project, onClose, onShared }) {
  const [email, setEmail] = useState('');
  const [level, setLevel] = useState('read');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    try {
      await post(`/projects/${project.id}/share`, { email: email.trim(), permission_level: level });
      onShared && onShared();
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return h(Dialog, { title: `Share ${project.name}`, onClose },
    h('form', { onSubmit: submit },
      h(ErrorNotice, { error }),
      h(Field, { label: 'E-mail of a Quantra user', type: 'email', name: 'share-email', value: email,
        onInput: setEmail, required: true }),
      h(Select, { label: 'Permission', name: 'share-level', value: level, options: PERMISSIONS, onChange: setLevel }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onClick: onClose }, 'Cancel'),
        h('button', { type: 'submit' }, 'Share'))));
}

export function ProjectsPage() {
  useTitle('Projects');
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState(null);
  const [error, setError] = useState(null);
  const [data, loadError, reload] = useLoad(() => get(`/projects?limit=${PAGE}&offset=${offset}`), [offset]);
  const remove = async (project) => {
    if (!window.confirm(`Delete project "${project.name}" with its canvas and runs? This cannot be undone.`)) {
      return;
    }
    try {
      await del(`/projects/${project.id}`);
      reload();
    } catch (err) {
      setError(err);
    }
  };
  let body;
  if (loadError) {
    body = h(ErrorNotice, { error: loadError });
  } else if (!data) {
    body = h(Loading, { what: 'Loading projects' });
  } else if (!data.projects.length && offset === 0) {
    body = h('p', { class: 'empty' }, 'No projects yet. Create one to start building a pipeline.');
  } else {
    body = h('div', null,
      h('table', { class: 'table', 'aria-label': 'Projects' },
        h('thead', null, h('tr', null, ['Name', 'Description', 'Owner', 'Updated', 'Actions']
          .map((c) => h('th', { scope: 'col', key: c }, c)))),
        h('tbody', null, data.projects.map((project) => h('tr', { key: project.id },
          h('th', { scope: 'row' }, h(Link, { to: `/projects/${project.id}` }, project.name)),
          h('td', null, project.description || h('span', { class: 'muted' }, '—')),
          h('td', null, project.owner),
          h('td', null, formatTime(project.updated_at)),
          h('td', { class: 'row-actions' },
            h(Link, { to: `/projects/${project.id}/executions` }, 'Executions'),
            h(Link, { to: `/projects/${project.id}/members` }, 'Members'),
            h('button', { type: 'button', class: 'link', onClick: () => setDialog({ edit: project }) },
              'Edit', h('span', { class: 'sr-only' }, ` ${project.name}`)),
            h('button', { type: 'button', class: 'link', onClick: () => setDialog({ share: project }) },
              'Share', h('span', { class: 'sr-only' }, ` ${project.name}`)),
            h('button', { type: 'button', class: 'link danger', onClick: () => remove(project) },
              'Delete', h('span', { class: 'sr-only' }, ` ${project.name}`))))))),
      h(Pager, { label: 'Project pages', offset, limit: PAGE, total: data.total, onChange: setOffset }));
  }
  return h('section', { class: 'page' },
    h('div', { class: 'page-header' }, h('h1', null, 'Projects'),
      h('button', { type: 'button', onClick: () => setDialog({ create: true }) }, 'New project')),
    h(ErrorNotice, { error, onClose: () => setError(null) }),
    body,
    dialog && dialog.create ? h(ProjectDialog, { onClose: () => setDialog(null) }) : null,
    dialog && dialog.edit ? h(ProjectDialog, { project: dialog.edit, onClose: () => setDialog(null), onSaved: reload })
      : null,
    dialog && dialog.share ? h(ShareDialog, { project: dialog.share, onClose: () => setDialog(null) }) : null);
}

/** The tabs every page of one project shows. */
export function ProjectTabs({ projectId, current }) {
  const tab = (to, label, key) => h('li', { key }, h(Link, { to, 'aria-current': current === key ? 'page' : undefined },
    label));
  return h('nav', { class: 'tabs', 'aria-label': 'Project' }, h('ul', null,
    tab(`/projects/${projectId}`, 'Canvas', 'canvas'),
    tab(`/projects/${projectId}/executions`, 'Executions', 'executions'),
    tab(`/projects/${projectId}/members`, 'Members', 'members')));
}

export function MembersPage({ projectId, user }) {
  const [project] = useLoad(() => get(`/projects/${projectId}`), [projectId]);
  const [data, loadError, reload] = useLoad(() => get(`/projects/${projectId}/members`), [projectId]);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [sharing, setSharing] = useState(false);
  useTitle(project ? `${project.name} · Members` : 'Members');
  const change = async (member, role) => {
    if (role === 'owner' && !window.confirm(`Make ${member.email} the owner? You will become an admin.`)) {
      reload();
      return;
    }
    try {
      await put(`/projects/${projectId}/members/${member.user_id}`, { role });
      setNotice(`${member.email} is now ${role}.`);
      reload();
    } catch (err) {
      setError(err);
      reload();
    }
  };
  const remove = async (member) => {
    const leaving = member.email === user.email;
    if (!window.confirm(leaving ? 'Leave this project?' : `Remove ${member.email} from the project?`)) {
      return;
    }
    try {
      await del(`/projects/${projectId}/members/${member.user_id}`);
      if (leaving) {
        navigate('/projects');
      } else {
        reload();
      }
    } catch (err) {
      setError(err);
    }
  };
  return h('section', { class: 'page' },
    h('div', { class: 'page-header' },
      h('h1', null, project ? project.name : 'Project', h('span', { class: 'muted' }, ' · Members')),
      project ? h('button', { type: 'button', onClick: () => setSharing(true) }, 'Share') : null),
    h(ProjectTabs, { projectId, current: 'members' }),
    h(ErrorNotice, { error: error || loadError, onClose: () => setError(null) }),
    h(Notice, { kind: 'success', onClose: () => setNotice(null) }, notice),
    !data ? h(Loading, { what: 'Loading members' }) : h('table', { class: 'table', 'aria-label': 'Members' },
      h('thead', null, h('tr', null, ['Member', 'Role', 'Since', 'Actions'].map((c) => h('th', { scope: 'col', key: c }, c)))),
      h('tbody', null, data.members.map((member) => h('tr', { key: member.user_id },
        h('th', { scope: 'row' }, member.email,
          member.first_name || member.last_name
            ? h('span', { class: 'muted' }, ` (${[member.first_name, member.last_name].filter(Boolean).join(' ')})`)
            : null),
        h('td', null, h('select', { 'aria-label': `Role of ${member.email}`, value: member.role,
          onChange: (e) => change(member, e.currentTarget.value) },
        ROLES.map((role) => h('option', { key: role, value: role }, role)))),
        h('td', null, formatTime(member.since)),
        h('td', null, h('button', { type: 'button', class: 'link danger', onClick: () => remove(member) },
          member.email === user.email ? 'Leave' : 'Remove', h('span', { class: 'sr-only' }, ` ${member.email}`))))))),
    sharing && project ? h(ShareDialog, { project, onClose: () => setSharing(false), onShared: reload }) : null);
}
