import { describe, expect, it } from 'vitest';
import { parseIssueLinks } from '../../src/source/parse-issue-links.js';

const repos = (body: string, options: { host?: string; max?: number } = {}) => {
  const links = parseIssueLinks(body, { host: options.host ?? 'github.com', ...(options.max !== undefined && { max: options.max }) });
  return { reviewed: links.sources.map((s) => s.display), ignored: links.ignored };
};

describe('parseIssueLinks', () => {
  it('reads the repositories of a CV excerpt in the order they appear, each once', () => {
    const body = [
      '**Projects**',
      '- RAG assistant: https://github.com/jane-doe/rag-assistant (FastAPI + Chroma)',
      '- Fine-tuning: [llama-qlora](https://github.com/jane-doe/llama-qlora/tree/main/train) and github.com/Jane-Doe/RAG-Assistant.git',
      '- Profile: https://github.com/jane-doe, blog https://jane.dev/github.com/x/y',
      '- Old: http://www.github.com/jane-doe/old-project.',
      '- <https://github.com/jane-doe/kaggle.solutions>',
    ].join('\n');
    expect(repos(body)).toEqual({
      reviewed: [
        'https://github.com/jane-doe/rag-assistant',
        'https://github.com/jane-doe/llama-qlora',
        'https://github.com/jane-doe/old-project',
        'https://github.com/jane-doe/kaggle.solutions',
      ],
      ignored: [],
    });
  });

  it('does not read links in fenced code, quotes or HTML comments', () => {
    const body = [
      'See https://github.com/cand/one',
      '```',
      'git clone https://github.com/cand/in-fence',
      '```',
      '~~~~sh',
      'https://github.com/cand/in-tilde-fence',
      '```',
      '~~~~',
      '> https://github.com/cand/quoted',
      '   > nested https://github.com/cand/quoted-too',
      'Hidden <!-- https://github.com/cand/hidden --> but https://github.com/cand/two',
      '<!-- a comment that',
      'spans https://github.com/cand/hidden-lines',
      '-->',
      'https://github.com/cand/three',
    ].join('\n');
    expect(repos(body).reviewed).toEqual(['https://github.com/cand/one', 'https://github.com/cand/two', 'https://github.com/cand/three']);
  });

  it('never reads another host, look-alike hosts, credentials or GitHub pages that are not repositories', () => {
    const body = [
      'https://gitlab.com/cand/a',
      'https://evilgithub.com/cand/b',
      'https://github.com.evil.test/cand/c',
      'https://github.com@evil.test/cand/d',
      'https://user@github.com/cand/e',
      'https://github.com/orgs/cand/f https://github.com/settings/profile https://github.com/topics/llm',
      'https://github.com/cand/../etc',
      'https://github.com/-bad-/repo',
    ].join('\n');
    const { reviewed, ignored } = repos(body);
    expect(reviewed).toEqual([]);
    expect(ignored).toEqual([{ text: 'github.com/-bad-/repo', reason: expect.stringContaining('not a valid owner name') }]);
  });

  it('follows the configured GitHub Enterprise host, and only it', () => {
    expect(repos('https://github.example.com/team/svc and https://github.com/cand/x', { host: 'github.example.com' }).reviewed).toEqual([
      'https://github.example.com/team/svc',
    ]);
  });

  it('reviews at most `max` repositories and lists the rest as ignored', () => {
    const body = Array.from({ length: 14 }, (_, i) => `https://github.com/cand/repo-${i}`).join(' ');
    const { reviewed, ignored } = repos(body, { max: 10 });
    expect(reviewed).toHaveLength(10);
    expect(reviewed.at(-1)).toBe('https://github.com/cand/repo-9');
    expect(ignored).toEqual(
      [10, 11, 12, 13].map((i) => ({ text: `https://github.com/cand/repo-${i}`, reason: 'only the first 10 repositories are reviewed' })),
    );
  });

  it('stays fast and bounded on a hostile body: a hundred thousand links, long names, unclosed fences', () => {
    const links = 'https://github.com/a/b '.repeat(100_000);
    const long = `https://github.com/${'a'.repeat(5_000)}/${'b'.repeat(5_000)} `;
    const start = performance.now();
    const { reviewed } = repos(`${links}${long.repeat(50)}\n\`\`\`\n${'x'.repeat(100_000)}`);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(reviewed).toEqual(['https://github.com/a/b']);
    const many = Array.from({ length: 2_000 }, (_, i) => `https://github.com/c/r${i}`).join('\n');
    const capped = parseIssueLinks(many, { host: 'github.com' });
    expect(capped.sources).toHaveLength(10);
    expect(capped.ignored.at(-1)).toEqual({ text: '500+ links', reason: 'only the first 500 links are read' });
  });
});
