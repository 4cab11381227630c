import { describe, expect, it } from 'vitest';
import { at, reviewFixture } from '../../helpers/review-fixture.js';
import { PROMPTING_CHECKS } from '../ops/production-checks.js';

async function rows(name: string) {
  const report = await reviewFixture(name, { checks: PROMPTING_CHECKS });
  expect(report.errors).toEqual([]);
  return report.findings.map((f) => `${f.kind} ${f.check}:${f.messageId} @ ${at(f.evidence[0])}`).sort();
}

describe('prompting fixtures', () => {
  it('a prompt module with template files, few-shot examples, validated JSON and a refusal path', async () => {
    expect(await rows('prompt-module-fewshot')).toEqual([
      'strength prompting/few-shot-examples:exampleFile @ prompts/few_shot.yaml:1',
      'strength prompting/few-shot-examples:exampleTurns @ support/prompting.py:22',
      'strength prompting/prompt-templates:promptFiles @ prompts/few_shot.yaml:1',
      'strength prompting/prompt-templates:templateObjects @ support/prompting.py:18',
      'strength prompting/refusal-path:inputGuard @ support/answer.py:27',
      'strength prompting/refusal-path:refusalPath @ prompts/system.j2:4',
      'strength prompting/structured-output-validation:nativeStructured @ support/answer.py:31',
      'strength prompting/structured-output-validation:retriesInvalid @ support/answer.py:40',
      'strength prompting/structured-output-validation:validated @ support/answer.py:39',
      'strength prompting/user-text-delimited:delimited @ support/prompting.py:28',
    ]);
  });

  it('one hard-coded f-string prompt reads as inline and undelimited', async () => {
    expect(await rows('plain-prompt-script')).toEqual([
      'concern prompting/user-text-delimited:undelimited @ ask.py:10',
      'info prompting/prompt-templates:inlinePrompt @ ask.py:10',
    ]);
  });
});
