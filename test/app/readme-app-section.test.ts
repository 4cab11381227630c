import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AppConfigSchema } from '../../src/app/app-config-schema.js';
import { ENV_VARIABLES } from '../../src/app/env.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = /## Run as a GitHub App\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

describe('the README’s "Run as a GitHub App" section', () => {
  it('shows a .github/candidate-review.yml the app accepts as it is', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const parsed = AppConfigSchema.safeParse(parse(yaml!));
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
    expect(parsed.data).toMatchObject({
      report: { target: 'issue', repository: 'acme-hiring/candidate-reviews' },
      label: 'candidate-review',
      concurrency: 2,
    });
  });

  it('documents every environment variable the app reads, and no other', () => {
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});
