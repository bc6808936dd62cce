// A node's configuration as a form generated from its plugin's JSON Schema. Values that are
// left empty are left out of the config, so the plugin's defaults apply.
import { h, useId } from './ui.js';

/** The top-level property a server error such as "/dpi: integer found" is about, or ''. */
export function errorProperty(message) {
  const match = /^\/([^/:]+)/.exec(message);
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : '';
}

/** Checks the form's values the way the schema would; answers property → message. */
export function checkConfig(schema, config) {
  const problems = {};
  for (const name of schema.required || []) {
    if (config[name] === undefined || config[name] === '') {
      problems[name] = 'Required.';
    }
  }
  for (const [name, property] of Object.entries(schema.properties || {})) {
    const value = config[name];
    if (value === undefined || problems[name]) {
      continue;
    }
    if ((property.type === 'integer' || property.type === 'number') && typeof value === 'number') {
      if (property.type === 'integer' && !Number.isInteger(value)) {
        problems[name] = 'Must be a whole number.';
      } else if (property.minimum !== undefined && value < property.minimum) {
        problems[name] = `Must be at least ${property.minimum}.`;
      } else if (property.maximum !== undefined && value > property.maximum) {
        problems[name] = `Must be at most ${property.maximum}.`;
      }
    } else if ((property.type === 'integer' || property.type === 'number') && typeof value !== 'number') {
      problems[name] = 'Must be a number.';
    }
    if (property.type === 'string' && typeof value === 'string') {
      if (property.maxLength !== undefined && value.length > property.maxLength) {
        problems[name] = `At most ${property.maxLength} characters.`;
      } else if (property.pattern && !new RegExp(property.pattern, 'u').test(value)) {
        problems[name] = 'Does not have the expected form.';
      }
    }
    if (property.type === 'array' && Array.isArray(value)) {
      if (property.minItems !== undefined && value.length < property.minItems) {
        problems[name] = `Choose at least ${property.minItems}.`;
      }
      const pattern = property.items && property.items.pattern ? new RegExp(property.items.pattern, 'u') : null;
      const wrong = pattern ? value.find((item) => !pattern.test(item)) : undefined;
      if (wrong !== undefined) {
        problems[name] = `"${wrong}" does not have the expected form.`;
      }
    }
    if (property.type === 'object' && value === INVALID_JSON) {
      problems[name] = 'Must be valid JSON.';
    }
  }
  return problems;
}

const INVALID_JSON = Symbol('invalid JSON');

function humanName(name) {
  return name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function withoutEmpty(config, name, value) {
  const next = { ...config };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    delete next[name];
  } else {
    next[name] = value;
  }
  return next;
}

function PropertyField({ name, property, value, error, required, onChange }) {
  const id = useId(`cfg-${name}`);
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const common = { id, name, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described };
  const placeholder = property.default !== undefined && !Array.isArray(property.default)
    ? `Default: ${property.default}` : undefined;
  let control;
  if (property.type === 'boolean') {
    control = h('input', { ...common, type: 'checkbox', checked: value ?? property.default ?? false,
      onChange: (e) => onChange(e.currentTarget.checked) });
  } else if (property.enum) {
    control = h('select', { ...common, value: value ?? '', onChange: (e) => onChange(e.currentTarget.value || undefined) },
      h('option', { value: '' }, property.default !== undefined ? `Default (${property.default})` : '—'),
      property.enum.map((option) => h('option', { key: option, value: option }, option)));
  } else if (property.type === 'array' && property.items && property.items.enum) {
    const chosen = new Set(value || []);
    control = h('fieldset', { class: 'choices', 'aria-describedby': described },
      h('legend', { class: 'sr-only' }, humanName(name)),
      property.items.enum.map((option) => h('label', { key: option, class: 'choice' },
        h('input', { type: 'checkbox', checked: chosen.has(option), onChange: (e) => {
          const next = new Set(chosen);
          if (e.currentTarget.checked) {
            next.add(option);
          } else {
            next.delete(option);
          }
          onChange(property.items.enum.filter((o) => next.has(o)));
        } }), ` ${option}`)));
  } else if (property.type === 'array') {
    control = h('textarea', { ...common, rows: 3, value: (value || []).join('\n'),
      placeholder: property.default ? property.default.join('\n') : 'One per line',
      onInput: (e) => onChange(e.currentTarget.value.split('\n').map((s) => s.trim()).filter(Boolean)) });
  } else if (property.type === 'integer' || property.type === 'number') {
    control = h('input', { ...common, type: 'number', value: value ?? '', placeholder,
      min: property.minimum, max: property.maximum, step: property.type === 'integer' ? 1 : 'any',
      onInput: (e) => {
        const text = e.currentTarget.value;
        onChange(text === '' ? undefined : Number(text));
      } });
  } else if (property.type === 'object' || !property.type) {
    // uncontrolled, so that JSON half typed stays as it is
    control = h('textarea', { ...common, rows: 4, class: 'code',
      defaultValue: value === undefined ? '' : JSON.stringify(value, null, 2),
      onInput: (e) => {
        const text = e.currentTarget.value.trim();
        if (!text) {
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(text));
        } catch (err) {
          onChange(INVALID_JSON);
        }
      } });
  } else if ((property.maxLength || 0) > 200) {
    control = h('textarea', { ...common, rows: name === 'template' ? 6 : 3, value: value ?? '', placeholder,
      maxLength: property.maxLength, onInput: (e) => onChange(e.currentTarget.value) });
  } else {
    control = h('input', { ...common, type: 'text', value: value ?? '', placeholder, maxLength: property.maxLength,
      onInput: (e) => onChange(e.currentTarget.value) });
  }
  return h('div', { class: 'field' + (error ? ' invalid' : '') + (property.type === 'boolean' ? ' inline' : '') },
    h('label', { for: id }, humanName(name), required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    property.description ? h('p', { id: `${id}-hint`, class: 'hint' }, property.description) : h('span', { id: `${id}-hint` }),
    error ? h('p', { id: `${id}-error`, class: 'error-text' }, error) : null);
}

/** The form for `config` under `schema`; `errors` maps property names to messages. */
export function SchemaForm({ schema, config, errors = {}, onChange }) {
  const properties = Object.entries((schema && schema.properties) || {});
  if (!properties.length) {
    return h('p', { class: 'muted' }, 'This plugin has nothing to configure.');
  }
  const required = new Set(schema.required || []);
  return h('div', { class: 'schema-form' }, properties.map(([name, property]) => h(PropertyField, {
    key: name, name, property, value: config[name] === INVALID_JSON ? undefined : config[name], error: errors[name],
    required: required.has(name), onChange: (value) => onChange(withoutEmpty(config, name, value)),
  })));
}

/** Whether the config holds a value the form could not read. */
export function hasUnreadable(config) {
  return Object.values(config).some((value) => value === INVALID_JSON);
}
