// Renders the inputs/outputs tables of an action.yml into a README between markers, so they cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACTIONS } from './steps.js';

type ActionYml = {
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
};

const cell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYml;
  const inputs = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const fallback = spec.required
      ? '**required**'
      : spec.default === '' || spec.default === undefined
        ? '`""`'
        : `\`${spec.default}\``;
    return `| \`${name}\` | ${fallback} | ${cell(spec.description)} |`;
  });
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`,
  );
  return {
    inputs: ['| input | default | description |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | description |', '|---|---|', ...outputs].join('\n'),
  };
}

/** The README with every `<!-- <prefix>:<inputs|outputs> -->` … `<!-- end -->` block regenerated. */
export function syncReadme(readme: string, root: string, actions: Record<string, string>): string {
  return readme.replace(
    /<!-- ([\w-]+):(inputs|outputs) -->\n[\s\S]*?<!-- end -->/g,
    (_, prefix: string, kind: 'inputs' | 'outputs') => {
      const file = actions[prefix];
      if (!file) throw new Error(`README names unknown action "${prefix}"`);
      const tables = renderTables(readFileSync(join(root, file), 'utf8'));
      return `<!-- ${prefix}:${kind} -->\n${tables[kind]}\n<!-- end -->`;
    },
  );
}

export { ACTIONS };

/** The READMEs with generated tables: the front page and one beside each sub-action's action.yml. */
export const READMES = Object.values(ACTIONS).map((file) => file.replace(/action\.yml$/, 'README.md'));
