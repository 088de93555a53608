// The user's name templates (`name`, `project-name`) rendered with the run's values into the base of a name:
// checked before any request, made safe for Pinecone, and cut to leave room for the suffix names.ts adds.
import { createHash } from 'node:crypto';
import { InputError } from '../base/errors.js';
import {
  MAX_NAME_LENGTH,
  MAX_PROJECT_NAME_LENGTH,
  sanitize,
  suffixLength,
  TAG_LENGTH,
  type KeyOwner,
} from './names.js';

export const PLACEHOLDERS = [
  'owner',
  'repo',
  'workflow',
  'job',
  'run_id',
  'run_number',
  'run_attempt',
  'event',
  'ref',
  'sha',
  'pr',
  'actor',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type RunValues = Record<Placeholder, string | undefined>;
/** The name templates' default (action.yml), and what it becomes with lifetime: pull-request. */
export const JOB_TEMPLATE = 'gha-{repo}-{run_id}-{run_attempt}-{job}';
export const PULL_REQUEST_TEMPLATE = 'gha-{repo}-pr{pr}-{job}';
/** Values that change at every push: a pull request's key is found again by its name, which must not hold them. */
const PER_RUN: readonly Placeholder[] = ['run_id', 'run_number', 'run_attempt', 'sha'];

/**
 * The template a pull request's key (or project) is named with: the default becomes PULL_REQUEST_TEMPLATE; one that
 * renders differently at every push is refused, since later pushes would not find the key to renew.
 */
export function pullRequestTemplate(template: string, input = 'name'): string {
  if (template === JOB_TEMPLATE) return PULL_REQUEST_TEMPLATE;
  const perRun = PER_RUN.find((word) => template.includes(`{${word}}`));
  if (perRun)
    throw new InputError(
      `Input "${input}" uses {${perRun}}, which changes at every push: with lifetime: pull-request, later runs find the key by its name. Use a template such as preview-{repo}-pr{pr}, or leave ${input} out.`,
    );
  return template;
}

/** Short values that identify the run: never shortened, so a long repository or job name cannot push them out. */
const KEPT_WHOLE: ReadonlySet<Placeholder> = new Set(['run_id', 'run_number', 'run_attempt', 'pr', 'sha']);

/** Fails on an unknown placeholder before any request is made. `input`: the input the template came from. */
export function checkTemplate(template: string, input = 'name'): void {
  if (template.trim() === '')
    throw new InputError(`Input "${input}" is empty: give a template such as gha-{repo}-{run_id}.`);
  for (const [, word] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(word!)) {
      throw new InputError(
        `Input "${input}": unknown placeholder {${word}}. Valid placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
      );
    }
  }
}

/**
 * The template with this run's values, made safe and short enough for `owner`'s suffix. Too long: the longest
 * values (repo, job, workflow, …) are shortened first, never the run's ids. Whenever the text had to be changed,
 * a short digest of what the template rendered keeps different inputs apart (`feat/a` and `feat-a`). Room is left
 * for the tag that proves a key's maker (`buildTaggedKeyName`).
 */
export function renderBase(template: string, values: RunValues, owner: KeyOwner): string {
  return render(template, values, MAX_NAME_LENGTH - suffixLength(owner) - 1 - TAG_LENGTH, 'name');
}

/** The same for a throwaway project's name (input `project-name`), which also carries its tag. */
export function renderProjectBase(template: string, values: RunValues, owner: KeyOwner): string {
  return render(template, values, MAX_PROJECT_NAME_LENGTH - suffixLength(owner) - 1 - TAG_LENGTH, 'project-name');
}

function render(template: string, values: RunValues, limit: number, input: string): string {
  checkTemplate(template, input);
  const parts = template.split(/\{([a-z_]+)\}/).map((text, i) => {
    if (i % 2 === 0) return { text, word: undefined };
    const word = text as Placeholder;
    const value = values[word];
    if (value === undefined || value === '') {
      throw new InputError(
        word === 'pr'
          ? `Input "${input}" uses {pr}, but this run was not triggered by a pull request: use another placeholder for this event.`
          : `Input "${input}" uses {${word}}, which this run does not provide (is GITHUB_${word.toUpperCase()} set?).`,
      );
    }
    return { text: value, word };
  });
  const rendered = parts.map((part) => part.text).join('');
  const exact = sanitize(rendered);
  if (exact === rendered && exact.length <= limit) return exact;
  const tag = `-${digest(rendered)}`;
  return `${fit(parts, limit - tag.length)}${tag}`;
}

/** Shortens the longest shortenable values one character at a time until the sanitised text fits `limit`. */
function fit(parts: Array<{ text: string; word: Placeholder | undefined }>, limit: number): string {
  const texts = parts.map((part) => part.text);
  const render = () => sanitize(texts.join(''));
  const shortenable = parts.flatMap((part, i) => (part.word && !KEPT_WHOLE.has(part.word) ? [i] : []));
  while (render().length > limit) {
    const longest = shortenable.reduce((a, b) => (texts[b]!.length > texts[a]!.length ? b : a), shortenable[0] ?? -1);
    if (longest < 0 || texts[longest]!.length <= 4) break;
    texts[longest] = texts[longest]!.slice(0, -1);
  }
  return sanitize(render().slice(0, limit));
}

function digest(text: string): string {
  return (createHash('sha256').update(text).digest().readUInt32BE(0) % 36 ** 5).toString(36).padStart(5, '0');
}
