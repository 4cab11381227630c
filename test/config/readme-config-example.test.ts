import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';

describe('the README’s candidate-review.yml example', () => {
  it('is a valid config', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const yaml = /## Your own assignment[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const config = loadConfig(yaml!, 'README.md');
    expect(config.role).toBe('mlops-engineer');
    expect(config.rubric.items.map((i) => i.id)).toEqual(['containerised', 'ci-runs-tests']);
  });
});
