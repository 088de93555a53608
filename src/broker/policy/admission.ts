// What a policy may not say, whatever its author meant: the lists the broker denies by default, each entry with its
// reason, and the checks a rule must pass at start (policy.ts calls them; each failure is one line naming the field).

/**
 * Events whose jobs run the default branch's workflow on input anyone outside the repository can give (a fork's pull
 * request, a comment, an issue, a star). A rule admits them only by listing them in `event`: a rule without `event`
 * was written for pushes and pull requests, not for a job that a stranger starts with a comment.
 */
export const OUTSIDE_INPUT_EVENTS: Readonly<Record<string, string>> = {
  pull_request_target: "runs the base branch's workflow with its secrets on a fork's pull request",
  issue_comment: 'anyone who can comment starts it, with the comment as input',
  issues: 'anyone who can open an issue starts it, with its title and body as input',
  discussion: 'anyone who can open a discussion starts it',
  discussion_comment: 'anyone who can comment on a discussion starts it',
  pull_request_review_comment: 'a review comment on a fork’s pull request starts it',
  workflow_run: "follows another workflow, often a fork's pull request, and reads its artifacts",
  fork: 'anyone can fork a public repository',
  watch: 'anyone can star a public repository',
};

/**
 * Audiences other relying parties accept: a token asked for one of them is one a step may already hold for that
 * other party (and hand on), so the broker would take another service's token as its own.
 */
const FOREIGN_AUDIENCES: ReadonlyArray<{ test: (audience: string) => boolean; whose: string }> = [
  { test: (a) => /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(a), whose: "AWS STS's" },
  { test: (a) => a.toLowerCase() === 'api://azureadtokenexchange', whose: "Azure's workload identity's" },
  { test: (a) => /^(https:)?\/\/iam\.googleapis\.com\//.test(a), whose: "Google Cloud's workload identity's" },
  { test: (a) => a === 'sigstore', whose: "Sigstore's (Fulcio signs with it)" },
];

/** Why `audience` must not be the broker's, or `undefined`. `serverUrl`: the GitHub instance (default github.com). */
export function foreignAudience(audience: string, serverUrl: string | undefined): string | undefined {
  const github = (serverUrl ?? 'https://github.com').replace(/\/+$/, '').toLowerCase();
  if (audience.toLowerCase().startsWith(`${github}/`) || audience.toLowerCase() === github)
    return `GitHub's default audience (${github}/OWNER), which every token of the owner's jobs carries`;
  return FOREIGN_AUDIENCES.find((known) => known.test(audience))?.whose.concat(' audience');
}

/** The line that says why a rule's `repository` does not pin an owner, or `undefined`. */
export function unpinnedOwner(
  rule: { repository: string; repositoryId?: string; repositoryOwnerId?: string },
  at: string,
): string | undefined {
  const how = "the owner's numeric id: `gh api orgs/NAME --jq .id` (a user: `gh api users/NAME --jq .id`)";
  if (rule.repositoryOwnerId === undefined && rule.repositoryId === undefined)
    return `${at}: name repository-owner-id (${how}) or repository-id (\`gh api repos/OWNER/NAME --jq .id\`); a name alone also matches a namesake under another owner.`;
  const owner = rule.repository.split('/')[0] ?? '';
  if (/[*?]/.test(owner) && rule.repositoryOwnerId === undefined)
    return `${at}.repository: "${rule.repository}" matches any owner; add repository-owner-id (${how}).`;
  return undefined;
}
