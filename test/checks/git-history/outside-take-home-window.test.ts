import { describe, expect, it } from 'vitest';
import check from '../../../checks/git-history/outside-take-home-window.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { review } from '../../../src/review.js';
import { parseSource } from '../../../src/source/parse-source.js';
import { makeGitRepo } from '../../helpers/make-git-repo.js';

const WINDOW = 'takeHomeWindow:\n  start: "2026-03-02T09:00:00Z"\n  end: "2026-03-05T09:00:00Z"\n';

async function findings(dates: string[], configText: string | null = WINDOW) {
  const repo = await makeGitRepo(dates.map((date, i) => ({ files: { [`step${i}.py`]: `x = ${i}\n` }, message: `step ${i}`, date })));
  try {
    const config = configText === null ? undefined : loadConfig(configText, 'team.yml');
    const report = await review(parseSource(repo.dir, { cwd: repo.dir }), { checks: [check], ...(config && { config }) });
    return report.findings.map((f) => ({ messageId: f.messageId, kind: f.kind, message: f.message, at: `${f.evidence[0].path}:${f.evidence[0].line}` }));
  } finally {
    await repo.cleanup();
  }
}

describe('git-history/outside-take-home-window', () => {
  it('states commits before and after the window as durations, never times of day', async () => {
    const result = await findings(['2026-02-27T09:00:00Z', '2026-03-03T12:00:00Z', '2026-03-06T21:00:00Z']);
    expect(result).toEqual([
      { messageId: 'before', kind: 'info', message: expect.stringMatching(/^1 of 3 commits are dated before the take-home window opened, the earliest 3 days before \([0-9a-f]{7}\)$/), at: 'step0.py:1' },
      { messageId: 'after', kind: 'info', message: expect.stringMatching(/^1 of 3 commits are dated after the take-home window closed, the latest 36 hours after/), at: 'step2.py:1' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/\d{1,2}:\d{2}|2026-|Monday|Friday|night/i);
  });

  it('says all commits are within the window', async () => {
    expect(await findings(['2026-03-02T10:00:00Z', '2026-03-04T10:00:00Z'])).toEqual([
      expect.objectContaining({ messageId: 'within', message: 'All 2 commits are dated within the take-home window' }),
    ]);
  });

  it('stays silent without a configured window', async () => {
    expect(await findings(['2020-01-01T00:00:00Z'], null)).toEqual([]);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => loadConfig('takeHomeWindow:\n  start: "2026-03-05T09:00:00Z"\n  end: "2026-03-02T09:00:00Z"\n', 'team.yml')).toThrow(/takeHomeWindow: start must be before end/);
  });
});
