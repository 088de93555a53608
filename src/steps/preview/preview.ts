// The preview sub-action, after the key step on pull_request events: a new key is written to the platform as a
// value for the pull request's branch alone, and that branch's preview built again to read it; a key renewed in
// place keeps its value, so nothing is written; when the pull request closes, the value we wrote is deleted (the
// key step's post deletes the key after this step, so the platform never holds a value whose key is gone).
import { ActionError, InputError } from '../../base/errors.js';
import { markdownCode } from '../../base/text.js';
import { readPlatformCredentials, readPreviewInputs, type PreviewInputs } from '../../inputs/preview.js';
import { NetlifyPlatform } from '../../platforms/netlify.js';
import { MARKER, type PreviewPlatform } from '../../platforms/platform.js';
import { VercelPlatform } from '../../platforms/vercel.js';
import { defineStep } from '../../runtime/define-step.js';
import { openRequester } from '../../runtime/session.js';
import type { Core, StepDeps } from '../../runtime/step.js';

const previewStep = defineStep<PreviewInputs, { token: string }>({
  words: {
    skipped: 'no key was delivered to the preview',
    cancelled:
      'The preview step was cancelled before it was done: the next push writes the key again if it is missing, and closing the pull request deletes what was written.',
    cancel: {
      waitingFor: 'to learn whether the platform took it',
      stopping: 'the next run of this step finds what the platform holds',
    },
    credentials: {
      noun: 'platform token',
      fix: 'Pass a Vercel or Netlify access token, from a secret, as input token',
    },
  },
  opening: (core) => {
    for (const name of ['written', 'deleted']) core.setOutput(name, 'false');
    return undefined;
  },
  credentials: readPlatformCredentials,
  read: readPreviewInputs,
  run: async ({ deps, core, secrets, account, inputs }) => {
    secrets.add(account.token);
    secrets.add(inputs.apiKey);
    const platform = openPlatform(deps, core, inputs, account.token);
    const { variable, branch } = inputs;
    if (inputs.closing) {
      const deleted = await platform.remove(variable, branch);
      core.setOutput('deleted', String(deleted));
      core.info(
        deleted
          ? `Deleted ${variable} for branch ${branch} from ${platform.where}; its key goes next (the key step's post, or the sweep).`
          : `No value of ${variable} for branch ${branch} that this action wrote on ${platform.where}: nothing to delete.`,
      );
      return;
    }
    if (inputs.keySkipped) {
      core.notice(`Skipped: the key step made no key (its credentials were missing), so ${variable} was not written.`);
      core.setOutput('skipped', 'true');
      return;
    }
    if (inputs.renewed) return keepRenewed(core, platform, inputs);
    if (inputs.apiKey === '')
      throw new InputError(
        'Input "api-key" is empty and "renewed" is not true: pass the key step\'s outputs (api-key: ${{ steps.key.outputs.api-key }}, renewed: ${{ steps.key.outputs.renewed }}).',
      );
    const comment = `${MARKER} for branch ${branch}${inputs.pullRequest ? ` (pull request #${inputs.pullRequest})` : ''}: key ${inputs.keyName || 'unnamed'}`;
    const { kept } = await platform.write({ name: variable, value: inputs.apiKey, branch, comment });
    core.setOutput('written', 'true');
    core.info(`Wrote ${variable} (${kept}) for branch ${branch}'s previews on ${platform.where}.`);
    if (kept === 'plain')
      core.warning(
        `${variable} on ${platform.where} is not a secret variable, so the team can read the key in Netlify's UI and API: delete the variable and let this step make it (secret), or mark it secret.`,
      );
    let rebuilt: string | undefined;
    if (inputs.redeploy) {
      const build = await platform.rebuild(branch);
      rebuilt = build?.id;
      core.setOutput('redeploy-id', build?.id ?? '');
      core.info(
        build
          ? `Building branch ${branch}'s preview again so that it reads the new key: ${build.id}${build.url ? ` (${build.url})` : ''}.`
          : `No deployment of branch ${branch} yet: the platform's own build of this push reads ${variable}.`,
      );
    }
    if (inputs.summary) await deps.writeSummary(summaryOf(inputs, platform, rebuilt));
  },
});

/** A renewed key keeps its value: nothing is written, but a value lost on the way (a cancelled job) is said. */
async function keepRenewed(core: Core, platform: PreviewPlatform, inputs: PreviewInputs): Promise<void> {
  if (!(await platform.has(inputs.variable, inputs.branch)))
    throw new ActionError(
      `${platform.where} holds no ${inputs.variable} for branch ${inputs.branch}, and the key ${inputs.keyName} was renewed in place, so its value is not known here (an earlier run stopped before writing it). Re-run this job with the key step's replace: true (the recipes' replace: \${{ github.run_attempt != '1' }} does so on a re-run), or close and reopen the pull request: either makes a new key, which this step writes.`,
    );
  core.info(
    `Key ${inputs.keyName} was renewed in place: ${platform.where} already holds its value for branch ${inputs.branch}; nothing written.`,
  );
}

function openPlatform(deps: StepDeps, core: Core, inputs: PreviewInputs, token: string): PreviewPlatform {
  const requester = openRequester(deps, core, inputs.timeoutMs);
  const { apiUrl } = inputs;
  return inputs.platform === 'vercel'
    ? new VercelPlatform(
        { apiUrl, token, project: inputs.project, teamId: inputs.teamId, teamSlug: inputs.teamSlug },
        requester,
      )
    : new NetlifyPlatform({ apiUrl, token, accountId: inputs.accountId, siteId: inputs.siteId }, requester);
}

function summaryOf(inputs: PreviewInputs, platform: PreviewPlatform, rebuilt: string | undefined): string {
  const key = inputs.keyName ? markdownCode(inputs.keyName) : 'the new key';
  const expiry = inputs.expiresAt ? `, expires ${markdownCode(inputs.expiresAt)}` : '';
  return [
    '### Pinecone API key delivered to the preview',
    '',
    `${key}${expiry}: written as ${markdownCode(inputs.variable)} for branch ${markdownCode(inputs.branch)} on ${markdownCode(platform.where)}.`,
    rebuilt ? `Preview built again: ${markdownCode(rebuilt)}.` : '',
    '',
  ].join('\n');
}

export const { run } = previewStep;
export const runPreview = previewStep.runWith;
