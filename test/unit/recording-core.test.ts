// The in-process tests' stand-in for @actions/core refuses what the runner would never do: an input no action.yml
// declares (a misspelling in src/ would silently read as empty on the runner) and an output the step does not declare.
import { describe, expect, it } from 'vitest';
import { inProcess } from '../support/steps.js';

describe('RecordingCore', () => {
  it('refuses an input that no action.yml declares, and reads another action’s input as empty', () => {
    const { core, dispose } = inProcess({ inputs: { project: 'p' } });
    try {
      expect(core.getInput('project')).toBe('p');
      expect(() => core.getInput('projcet')).toThrow(/declared in no action\.yml/);
      expect(core.getInput('handoff')).toBe(''); // use's input, not the main action's
    } finally {
      dispose();
    }
  });

  it('refuses an output the step’s action.yml does not declare', () => {
    const { core, dispose } = inProcess({ inputs: {} });
    try {
      core.setOutput('key-id', 'x');
      expect(core.outputs['key-id']).toBe('x');
      expect(() => core.setOutput('deleted-projects', '0')).toThrow(/not declared/);
    } finally {
      dispose();
    }
  });
});
