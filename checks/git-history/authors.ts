import { defineCheck } from '../../src/engine/define-check.js';
import { fileEvidence, nameOnly, readableHistory } from '../../src/facts/queries/git-history.js';

export default defineCheck({
  id: 'git-history/authors',
  docs: 'Reports who authored the commits (with commit counts) and who is credited as co-author in `Co-authored-by:` trailers.',
  messages: {
    soleAuthor: 'Every commit is by one author: {{authors}}',
    authors: '{{count}} commit author(s): {{authors}}{{coAuthors}}',
  },
  questions: {
    authors: 'Several people appear in the history ({{authors}}{{coAuthors}}) — which parts did you write yourself, and how did you split the work?',
  },
  *run({ facts }) {
    const history = readableHistory(facts);
    if (!history) return;
    // Authors by e-mail (the same person may commit under two spellings of a name), shown by their latest name.
    const authors = new Map<string, { name: string; commits: number }>();
    for (const commit of history.commits) {
      const key = (commit.email || commit.author).toLowerCase();
      const entry = authors.get(key) ?? { name: nameOnly(commit.author), commits: 0 };
      entry.commits++;
      authors.set(key, entry);
    }
    const authorNames = new Set([...authors.values()].map((a) => a.name.toLowerCase()));
    const coAuthors = [...new Set(history.commits.flatMap((c) => c.coAuthors.map(nameOnly)))].filter((name) => !authorNames.has(name.toLowerCase()));
    const evidence = fileEvidence(facts, history.commits[0]!.files);
    if (!evidence) return;
    const list = [...authors.values()].sort((a, b) => b.commits - a.commits).map((a) => `${a.name} (${a.commits} commit${a.commits === 1 ? '' : 's'})`);
    const data = {
      count: authors.size,
      authors: list.length > 6 ? `${list.slice(0, 6).join(', ')}, …` : list.join(', '),
      coAuthors: coAuthors.length ? `; co-authored by ${coAuthors.slice(0, 6).join(', ')}` : '',
    };
    // The question only helps when the work was shared.
    yield { kind: 'info', messageId: authors.size + coAuthors.length > 1 ? 'authors' : 'soleAuthor', evidence: [evidence], data };
  },
});
