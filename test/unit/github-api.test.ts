// GitHub's answers about a run, one by one, with a scripted transport: what each means, and when asking stops.
import { describe, expect, it } from 'vitest';
import { GitHubApi } from '../../src/api/github/github-api.js';
import { TransportError, type HttpRequest, type HttpResponse } from '../../src/api/transport.js';

const config = {
  apiUrl: 'https://ghe.example/api/v3/',
  repository: 'octo-org/shop-api',
  token: 'ghs_x',
  ownRunId: '16021984',
};
const answer = (status: number, body: unknown = {}, headers: HttpResponse['headers'] = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(body),
});
function github(...answers: Array<HttpResponse | TransportError>) {
  const requests: HttpRequest[] = [];
  const api = new GitHubApi(config, async (request) => {
    requests.push(request);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof TransportError) throw next;
    return next;
  });
  return { api, requests };
}

describe('GitHub API: is a run over?', () => {
  it('asks the run at GITHUB_API_URL with the token; completed is over, any other status alive', async () => {
    const { api, requests } = github(
      answer(200, { status: 'completed' }),
      answer(200, { status: 'in_progress' }),
      answer(200, { status: 'queued' }),
      answer(200, { status: 'waiting' }),
    );
    expect(await api.runState('42')).toBe('over');
    for (let i = 0; i < 3; i++) expect(await api.runState('43')).toBe('alive');
    expect(requests[0]).toMatchObject({
      method: 'GET',
      url: 'https://ghe.example/api/v3/repos/octo-org/shop-api/actions/runs/42',
      headers: { Authorization: 'Bearer ghs_x', 'X-GitHub-Api-Version': '2022-11-28' },
    });
  });

  it('a run GitHub no longer knows (404) is over, once GitHub shows this step’s own run (asked once)', async () => {
    const { api, requests } = github(answer(404, { message: 'Not Found' }), answer(200, { status: 'in_progress' }));
    expect(await api.runState('1')).toBe('over');
    expect(requests.map((r) => r.url)).toEqual([
      'https://ghe.example/api/v3/repos/octo-org/shop-api/actions/runs/1',
      'https://ghe.example/api/v3/repos/octo-org/shop-api/actions/runs/16021984',
    ]);
  });

  it('a 404 proves nothing where GitHub cannot show this step’s own run, or is not GitHub’s own error', async () => {
    const blind = github(answer(404, { message: 'Not Found' }), answer(404, { message: 'Not Found' }));
    expect(await blind.api.runState('1')).toBe('blind');
    expect(blind.api.unavailable).toBe('blind');
    const proxy: HttpResponse = { status: 404, headers: {}, body: '<html><body>404 Not Found</body></html>' };
    expect(await github(proxy).api.runState('1')).toBe('unknown');
  });

  it('a timeout, a 5xx or an unreadable answer: unknown (the run counts as alive), and asking goes on', async () => {
    const { api } = github(
      new TransportError('no answer within 5s', 'unknown'),
      answer(502),
      { status: 200, headers: {}, body: '<html>' },
      answer(200, { status: 'completed' }),
    );
    for (let i = 0; i < 3; i++) expect(await api.runState('1')).toBe('unknown');
    expect(await api.runState('1')).toBe('over');
    expect(api.unavailable).toBeUndefined();
  });

  it('a 403 without a rate limit is no permission, and stops the asking', async () => {
    const { api, requests } = github(answer(403, {}, { 'x-ratelimit-remaining': '4999' }));
    expect(await api.runState('1')).toBe('no permission');
    expect(await api.runState('2')).toBe('no permission');
    expect(requests).toHaveLength(1);
  });

  it.each([
    [403, { 'x-ratelimit-remaining': '0' }],
    [429, { 'x-ratelimit-remaining': '0' }],
    [403, { 'retry-after': '60' }],
    [429, { 'retry-after': '60' }],
  ])('HTTP %s with %j is a rate limit, and stops the asking', async (status, headers) => {
    const { api, requests } = github(answer(status, {}, headers));
    expect(await api.runState('1')).toBe('rate-limited');
    expect(await api.runState('2')).toBe('rate-limited');
    expect(requests).toHaveLength(1);
  });

  it('no token: nothing is asked', async () => {
    const api = new GitHubApi({ ...config, token: '' }, async () => {
      throw new Error('asked');
    });
    expect(await api.runState('1')).toBe('no token');
  });
});

describe('GitHub API: is a pull request closed?', () => {
  it('asks the pull request with the token; closed (merged too) is over, open is alive', async () => {
    const { api, requests } = github(
      answer(200, { state: 'closed', merged: true }),
      answer(200, { state: 'closed', merged: false }),
      answer(200, { state: 'open' }),
    );
    expect(await api.pullRequestState('41')).toBe('over');
    expect(await api.pullRequestState('44')).toBe('over');
    expect(await api.pullRequestState('43')).toBe('alive');
    expect(requests[0]).toMatchObject({
      method: 'GET',
      url: 'https://ghe.example/api/v3/repos/octo-org/shop-api/pulls/41',
      headers: { Authorization: 'Bearer ghs_x' },
    });
  });

  it('a 404 is believed only where GitHub shows this step’s own run; an answer without a state is unknown', async () => {
    const seen = github(answer(404, { message: 'Not Found' }), answer(200, { status: 'in_progress' }));
    expect(await seen.api.pullRequestState('9')).toBe('over');
    const blind = github(answer(404, { message: 'Not Found' }), answer(404, { message: 'Not Found' }));
    expect(await blind.api.pullRequestState('9')).toBe('blind');
    expect(await blind.api.pullRequestState('10')).toBe('blind'); // asking stopped
    expect(await github(answer(200, { number: 9 })).api.pullRequestState('9')).toBe('unknown');
  });

  it('a rate limit stops the asking, for runs and pull requests alike', async () => {
    const { api, requests } = github(
      answer(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' }),
    );
    expect(await api.pullRequestState('41')).toBe('rate-limited');
    expect(await api.runState('42')).toBe('rate-limited');
    expect(requests).toHaveLength(1);
  });
});
