// Outside text (inputs, names from the API, server messages) in our log lines and job summaries. The runner
// reads any log line that starts with `::` or `##[` (after white space) as a command, so a line we print must
// never start one, nor carry a line break that starts a new one; a summary renders markdown and HTML.
// Secrets are redacted before this shaping (see Secrets.redact), so a secret is never altered into a form the
// runner's mask no longer recognises.
import { OUTSIDE_WORDS_CHARS } from './policy.js';

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

// Characters that change how text around them reads without showing themselves: zero-width ones and the
// bidirectional overrides and isolates, which can make a name in a log or a summary read as another.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** True when `text` holds a character that could break a log line (an input must not). */
export function hasControlCharacters(text: string): boolean {
  return new RegExp(CONTROL.source).test(text);
}

const shown = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Controls, line separators and invisible characters shown as `\uXXXX` (in JSON too: it reads them back). */
export function showUnseen(text: string): string {
  return text.replace(CONTROL, shown).replace(INVISIBLE, shown);
}

/**
 * One inert log line: controls and invisible characters shown as `\uXXXX`; a line that would read as a workflow command (`::` after white
 * space) is marked, and the legacy `##[` form, which the runner finds anywhere in a line, is broken up.
 */
export function logLine(text: string): string {
  const flat = showUnseen(text).replace(/##\[/g, '## [');
  return /^\s*::/.test(flat) ? `» ${flat}` : flat;
}

/**
 * Outside text as inline code in a markdown table cell: no markup, no HTML, no cell break. GitHub still renders
 * markdown inside `<code>` (links, images, emphasis), so its characters become entities too.
 */
export function markdownCode(text: string): string {
  const entity = (c: string) => HTML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`;
  return `<code>${logLine(text).replace(/[&<>"'|\\`*_[\]()!#~]/g, entity)}</code>`;
}

/**
 * A server's words (an error message, a name) inside one of our lines: white space and controls become single
 * spaces, and past `maxChars` the rest is cut ("…"): one line, not a page.
 */
export function shortLine(text: string, maxChars = OUTSIDE_WORDS_CHARS): string {
  const flat = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars)}…` : flat;
}

/** Outside text as plain text in a markdown table cell. */
export function markdownText(text: string): string {
  // One pass: an escaped quote (`&#39;`) keeps its `#`.
  return logLine(text).replace(/[&<>"'|\\`*_[\]()!#~]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
};
