// Outside text (inputs, names from the API, server messages) in our log lines and job summaries. The runner
// reads any log line that starts with `::` or `##[` (after white space) as a command, so a line we print must
// never start one, nor carry a line break that starts a new one; a summary renders markdown and HTML.
// Secrets are redacted before this shaping (see Secrets.redact), so a secret is never altered into a form the
// runner's mask no longer recognises.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** True when `text` holds a character that could break a log line (an input must not). */
export function hasControlCharacters(text: string): boolean {
  return new RegExp(CONTROL.source).test(text);
}

/**
 * One inert log line: controls shown as `\uXXXX`; a line that would read as a workflow command (`::` after white
 * space) is marked, and the legacy `##[` form, which the runner finds anywhere in a line, is broken up.
 */
export function logLine(text: string): string {
  const flat = text
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '## [');
  return /^\s*::/.test(flat) ? `» ${flat}` : flat;
}

/** Outside text as inline code in a markdown table cell: no markup, no HTML, no cell break. */
export function markdownCode(text: string): string {
  return `<code>${escapeHtml(logLine(text))}</code>`;
}

/** Outside text as plain text in a markdown table cell. */
export function markdownText(text: string): string {
  return escapeHtml(logLine(text)).replace(/[\\`*_[\]()!#~]/g, '\\$&');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"'|]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '|': '&#124;' })[c]!,
  );
}
