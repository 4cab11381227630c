import type { Config } from '../config/config-schema.js';
import type { Facts } from '../facts/types.js';
import type { Stack, TestCount } from '../stack/types.js';
import type { Skipped, Workspace } from '../types.js';
import type { CheckContext } from './types.js';

/** Everything a check may read, assembled once: facts, stack, what was left out, and the review's target. */
export function buildCheckContext(parts: { workspace: Workspace; facts: Facts; stack: Stack; tests: TestCount; parseSkipped: Skipped[]; config: Config }): CheckContext {
  const { workspace, config } = parts;
  const window = config.takeHomeWindow;
  return {
    facts: parts.facts,
    stack: parts.stack,
    tests: parts.tests,
    skipped: [...workspace.skipped, ...parts.parseSkipped],
    target: { base: workspace.base, unchanged: workspace.unchanged, files: workspace.files.length },
    takeHomeWindow: window ? { start: Date.parse(window.start) / 1000, end: Date.parse(window.end) / 1000 } : null,
  };
}
