// Every step of this action, once: its entry (src/<name>.ts, bundled to dist/<name>/index.js) and the folder of the
// action.yml that runs it. The bundle, the smoke run, the docs and the tests read this list; a new step is a line here.
export const STEPS = [
  { name: 'main', action: '.' },
  { name: 'post', action: '.' },
  { name: 'sweep', action: 'sweep' },
  { name: 'use', action: 'use' },
  { name: 'revoke', action: 'revoke' },
  { name: 'preview', action: 'preview' },
] as const;

/** Entries that are not steps of an action: the keyless broker, a service an organization runs (docs/BROKER.md). */
export const SERVICES = [{ name: 'broker' }] as const;

/** Every bundle: src/<name>.ts → dist/<name>/index.js. */
export const ENTRIES = [...STEPS.map((step) => step.name), ...SERVICES.map((service) => service.name)];

export type StepName = (typeof STEPS)[number]['name'];

/** Each action (the main one and the sub-actions), by the name the README's table markers use. */
export const ACTIONS: Record<string, string> = Object.fromEntries(
  [...new Set(STEPS.map((step) => step.action))].map((dir) => [
    dir === '.' ? 'action' : dir,
    dir === '.' ? 'action.yml' : `${dir}/action.yml`,
  ]),
);
