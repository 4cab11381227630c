import type { ProbotOctokit } from 'probot';
import type { Annotation } from './build-annotations.js';
import { MAX_ANNOTATIONS_PER_REQUEST, MAX_CHECK_RUN_SUMMARY_CHARS, MAX_CHECK_RUN_TITLE_CHARS } from './github-limits.js';

/** Annotations sent at most for one review (ten requests): the summary carries every finding anyway. */
export const MAX_ANNOTATIONS_PER_REVIEW = 10 * MAX_ANNOTATIONS_PER_REQUEST;

export interface CheckRunOutput {
  title: string;
  summary: string;
  /** Notes under the summary: a configuration problem, annotations left out. */
  text?: string;
  annotations?: readonly Annotation[];
}

export interface CheckRunRef {
  owner: string;
  repo: string;
  checkRunId: number;
}

/**
 * Finishes a check run with conclusion `neutral` (the report informs, it never fails anyone).
 * Annotations go in pages of {@link MAX_ANNOTATIONS_PER_REQUEST}: every page but the last is an
 * update of the running check, the last one completes it, so `completed` means everything arrived.
 * Past {@link MAX_ANNOTATIONS_PER_REVIEW} the rest are left out and the text says how many.
 */
export async function completeCheckRun(octokit: ProbotOctokit, ref: CheckRunRef, output: CheckRunOutput, now: () => Date): Promise<void> {
  const all = output.annotations ?? [];
  const sent = all.slice(0, MAX_ANNOTATIONS_PER_REVIEW);
  const leftOut = all.length - sent.length;
  const notes = [
    ...(output.text ? [output.text] : []),
    ...(leftOut > 0 ? [`${sent.length} of ${all.length} findings are annotated in the code; the summary lists the rest.`] : []),
  ];
  const base = {
    title: fitChars(output.title, MAX_CHECK_RUN_TITLE_CHARS),
    summary: fitBytes(output.summary, MAX_CHECK_RUN_SUMMARY_CHARS),
    ...(notes.length && { text: fitBytes(notes.join('\n\n'), MAX_CHECK_RUN_SUMMARY_CHARS) }),
  };
  const pages: Annotation[][] = [];
  for (let i = 0; i < sent.length; i += MAX_ANNOTATIONS_PER_REQUEST) pages.push(sent.slice(i, i + MAX_ANNOTATIONS_PER_REQUEST));
  if (pages.length === 0) pages.push([]);
  for (const [index, page] of pages.entries()) {
    const last = index === pages.length - 1;
    await octokit.rest.checks.update({
      owner: ref.owner,
      repo: ref.repo,
      check_run_id: ref.checkRunId,
      ...(last && { status: 'completed' as const, conclusion: 'neutral' as const, completed_at: now().toISOString() }),
      output: { ...base, ...(page.length && { annotations: page }) },
    });
  }
}

/** Cut to at most `max` UTF-8 bytes on a character boundary (GitHub counts characters; bytes are the safe side). */
export function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  const suffix = '\n\n…';
  let out = '';
  let bytes = Buffer.byteLength(suffix);
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max) break;
    out += char;
    bytes += size;
  }
  return out + suffix;
}

function fitChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
