import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_CONFIG } from '../../src/app/app-config-schema.js';
import { loadAppConfig } from '../../src/app/load-app-config.js';
import { CONFIG_PATH, QuietOctokit, configFile, github, noConfig, useNock } from '../helpers/probot.js';

useNock();

const at = { owner: 'hiring-org', repo: 'take-home-jane' };
const load = () => loadAppConfig(new QuietOctokit({ auth: 'test' }), at);
const RUBRIC = `
rubric:
  items:
    - id: containerised
      title: The service runs in a container
      lookedFor: a Dockerfile
      met: [{ stack: containers }]
`;

describe('loadAppConfig', () => {
  it('uses the defaults when neither the repository nor the owner’s .github repository has a config', async () => {
    noConfig(github(), at.owner, at.repo);
    expect(await load()).toEqual({ config: DEFAULT_APP_CONFIG, problem: null, destinationKnown: true });
  });

  it('reads the repository’s file from the default branch (no ref: a pull request cannot change its own rubric)', async () => {
    configFile(github(), at.owner, at.repo, `role: mlops-engineer\nlabel: review-me\nconcurrency: 1\nreport: { target: issue, repository: hiring-org/hiring }\nlimits: { maxFiles: 2000 }\n${RUBRIC}`);
    const { config, problem } = await load();
    expect(problem).toBeNull();
    expect(config).toMatchObject({
      role: 'mlops-engineer',
      label: 'review-me',
      concurrency: 1,
      report: { target: 'issue', repository: 'hiring-org/hiring' },
      limits: { maxFiles: 2000 },
      rubric: { items: [{ id: 'containerised', partial: [] }] },
    });
  });

  it('falls back to the owner’s .github repository, and follows _extends within the owner; arrays of the extending file replace', async () => {
    github()
      .get(`/repos/${at.owner}/${at.repo}/contents/${CONFIG_PATH}`)
      .reply(404, {})
      .get(`/repos/${at.owner}/.github/contents/${CONFIG_PATH}`)
      .reply(200, `_extends: org-defaults\nrole: data-engineer-ai\n${RUBRIC}`)
      .get(`/repos/${at.owner}/org-defaults/contents/${CONFIG_PATH}`)
      .reply(200, 'role: mlops-engineer\nlabel: candidate\nrubric:\n  items:\n    - { id: other, title: Other, lookedFor: x, met: [{ stack: ci }] }\n');
    const { config, problem } = await load();
    expect(problem).toBeNull();
    expect(config.role).toBe('data-engineer-ai');
    expect(config.label).toBe('candidate');
    expect(config.rubric.items.map((item) => item.id)).toEqual(['containerised']);
  });

  it.each([
    ['a wrong type', 'role: wizard\nlabel: hire-me\n', /^\.github\/candidate-review\.yml: role: Invalid option/],
    ['an unknown key', 'rubrik: {}\n', /^\.github\/candidate-review\.yml: \(top level\): Unrecognized key: "rubrik"/],
    ['a negative limit', 'limits: { maxFiles: -1 }\n', /^\.github\/candidate-review\.yml: limits\.maxFiles: Too small/],
    ['a loosened limit', 'limits: { maxTotalBytes: 99999999999 }\n', /^\.github\/candidate-review\.yml: limits\.maxTotalBytes: Too big/],
    ['a scalar', '42\n', /^\.github\/candidate-review\.yml: \(top level\): expected a mapping/],
    ['invalid YAML', 'role: [unclosed\n', /^\.github\/candidate-review\.yml: Configuration could not be parsed from .* \(invalid YAML\)/],
    ['an alias bomb', `a: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`, /\(invalid YAML\)/],
  ])('names the path and problem of %s, and keeps the valid keys', async (_, yaml, problem) => {
    configFile(github(), at.owner, at.repo, yaml);
    const loaded = await load();
    expect(loaded.problem).toMatch(problem);
    expect(loaded.destinationKnown).toBe(true);
    expect(loaded.config.role).toBe('ml-engineer');
    expect(loaded.config.label).toBe(yaml.includes('hire-me') ? 'hire-me' : 'candidate-review');
  });

  it('an invalid report section makes the destination unknown: nothing evaluative may be published', async () => {
    configFile(github(), at.owner, at.repo, 'report: { target: issue }\nrole: mlops-engineer\n');
    const loaded = await load();
    expect(loaded).toEqual({
      config: { ...DEFAULT_APP_CONFIG, role: 'mlops-engineer' },
      problem: '.github/candidate-review.yml: report.repository: required when target is issue (owner/name of the private hiring repository)',
      destinationKnown: false,
    });
  });

  it('refuses _extends to another owner, and an _extends cycle', async () => {
    configFile(github(), at.owner, at.repo, '_extends: other-org/.github\nrole: mlops-engineer\n')
      .get(`/repos/other-org/.github/contents/${CONFIG_PATH}`)
      .reply(200, 'role: data-engineer-ai\n');
    expect(await load()).toEqual({
      config: DEFAULT_APP_CONFIG,
      problem: '.github/candidate-review.yml: _extends may only name repositories of hiring-org, not other-org/.github',
      destinationKnown: true,
    });

    configFile(github(), at.owner, at.repo, '_extends: a\n')
      .get(`/repos/${at.owner}/a/contents/${CONFIG_PATH}`)
      .reply(200, '_extends: b\n')
      .get(`/repos/${at.owner}/b/contents/${CONFIG_PATH}`)
      .reply(200, '_extends: a\n');
    expect((await load()).problem).toMatch(/Recursion detected/);
  });

  it('lets GitHub refusals through to the caller (they stop the job, they are not config problems)', async () => {
    github().get(`/repos/${at.owner}/${at.repo}/contents/${CONFIG_PATH}`).reply(403, { message: 'Resource not accessible by integration' });
    await expect(load()).rejects.toMatchObject({ status: 403 });
  });
});
