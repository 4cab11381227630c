import { snippetOf } from '../facts/evidence.js';
import { IMPLAUSIBLE_PRETRAINING, LARGE_MODEL_WORDS, LIBRARIES, PRETRAINING, TECHNIQUES, type StackSection } from './claim-vocabulary.js';
import { metricMentions, type MetricMention } from './metric-mention.js';
import { modelMentions, type ModelMention } from './model-mention.js';
import { isHypothetical, negatedOffsets } from './negation.js';
import { proseSentences, type ProseSentence } from './prose-sentences.js';
import type { Claim, ClaimDocument } from './types.js';

/** Claims kept in a review: the first ones, in reading order. */
export const MAX_CLAIMS = 40;
/** Claims kept from one document, so a CV excerpt cannot crowd out the submission's README. */
export const MAX_CLAIMS_PER_DOCUMENT = 30;
/** Characters of a sentence quoted as a claim's text. */
const MAX_CLAIM_TEXT = 240;

/** A claim read from prose, before it is held against the code. */
export interface ClaimCandidate extends Pick<Claim, 'text' | 'kind' | 'subject' | 'source' | 'implausible'> {
  /** For library claims: where the id lives in the stack, and other ids that prove it. */
  library?: { section: StackSection; alsoIds: readonly string[] };
  model?: ModelMention;
  metric?: MetricMention;
  /** Reading order: sentence number, then offset in the sentence. */
  position: [number, number];
}

/**
 * The checkable claims of the candidate's prose: techniques, libraries, models, measured results
 * and training at scale, one per subject per document (the first), negated and hypothetical
 * sentences left out. At most 40, in reading order.
 */
export function extractClaims(documents: readonly ClaimDocument[]): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  for (const document of documents) {
    if (out.length >= MAX_CLAIMS) break;
    out.push(...documentClaims(document, Math.min(MAX_CLAIMS_PER_DOCUMENT, MAX_CLAIMS - out.length)));
  }
  return out;
}

function documentClaims(document: ClaimDocument, max: number): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  /** Subjects claimed in this document, and the less specific subjects they imply. */
  const seen = new Set<string>();
  const lines = document.text.split('\n', 1 + MAX_LINES_INDEXED);
  let sentenceNumber = 0;
  for (const sentence of proseSentences(document.text)) {
    if (claims.length >= max) break;
    sentenceNumber++;
    if (isHypothetical(sentence.text)) continue;
    const negated = negatedOffsets(sentence.text);
    const claim = (kind: Claim['kind'], subject: string, offset: number, extra: Partial<ClaimCandidate> = {}): void => {
      if (seen.has(subject) || claims.length >= max) return;
      seen.add(subject);
      const line = sentence.lineAt(offset);
      claims.push({
        text: quoted(sentence.text, offset),
        kind,
        subject,
        source: { path: document.path, line, snippet: snippetOf(lines[line - 1]?.replace(INVISIBLE, '')), origin: document.origin },
        implausible: null,
        position: [sentenceNumber, offset],
        ...extra,
      });
    };

    const scale = scaleClaim(sentence, negated);
    if (scale) claim('scale', scale.subject, scale.offset, { implausible: scale.implausible });

    for (const term of TECHNIQUES) {
      if (seen.has(term.subject)) continue;
      const offset = firstAffirmed(sentence.text, term.pattern, negated);
      if (offset === null) continue;
      claim('technique', term.subject, offset);
      for (const covered of term.covers ?? []) seen.add(covered);
    }
    for (const term of LIBRARIES) {
      if (seen.has(term.subject)) continue;
      const offset = firstAffirmed(sentence.text, term.pattern, negated);
      if (offset !== null) claim('library', term.subject, offset, { library: { section: term.section, alsoIds: term.alsoIds ?? [] } });
    }
    // The model a pre-training sentence names is part of that claim, not a claim of its own.
    if (!scale) {
      for (const model of mostSpecific(modelMentions(sentence.text).filter((m) => !negated(m.index)))) {
        if (!claims.some((c) => c.model && c.model.family === model.family && c.model.subject.startsWith(`${model.subject}-`))) {
          claim('model', model.subject, model.index, { model });
        }
      }
    }
    for (const metric of metricMentions(sentence.text)) {
      if (!negated(metric.index)) claim('metric', `${metric.metric} ${metric.value}`, metric.index, { metric });
    }
  }
  return withoutVagueModels(claims).sort((a, b) => a.position[0] - b.position[0] || a.position[1] - b.position[1]);
}

/** Lines indexed for snippets: a document is at most 64 KiB, so this is never the bound in practice. */
const MAX_LINES_INDEXED = 70_000;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Offset of the first match of `pattern` outside a negated stretch, or null. */
function firstAffirmed(text: string, pattern: RegExp, negated: (offset: number) => boolean): number | null {
  for (const match of text.matchAll(pattern)) if (!negated(match.index)) return match.index;
  return null;
}

/** "Llama 2 7B" and "Llama" in one sentence are one claim: the specific one. */
function mostSpecific(models: ModelMention[]): ModelMention[] {
  return models.filter((m) => !models.some((other) => other !== m && other.family === m.family && other.subject.startsWith(`${m.subject}-`)));
}

/** A family named alone ("Llama") after a specific model of it ("Llama 2 7B") in the same document adds nothing. */
function withoutVagueModels(claims: ClaimCandidate[]): ClaimCandidate[] {
  return claims.filter((c) => !c.model || !claims.some((o) => o !== c && o.model?.family === c.model!.family && o.subject.startsWith(`${c.subject}-`)));
}

/** Training from scratch or pre-training, as claimed — "fine-tuned" in the same sentence means fine-tuning. */
function scaleClaim(sentence: ProseSentence, negated: (offset: number) => boolean): { subject: string; offset: number; implausible: string | null } | null {
  const text = sentence.text;
  if (/\bfine[- ]?tun/i.test(text)) return null;
  let offset: number | null = null;
  for (const pattern of PRETRAINING) {
    const match = pattern.exec(text);
    if (match && !negated(match.index)) {
      offset = match.index;
      break;
    }
  }
  if (offset === null) return null;
  const model = modelMentions(text).find((m) => m.role === 'generative' && !negated(m.index));
  const size = /\b(\d{1,4}(?:\.\d)?) ?([bt])\b(?! ?tokens)/i.exec(text);
  const billions = size ? Number(size[1]) * (size[2]!.toLowerCase() === 't' ? 1000 : 1) : 0;
  const what = model?.subject ?? (size ? `${size[1]}${size[2]!.toUpperCase()} model` : LARGE_MODEL_WORDS.test(text) ? 'an LLM' : null);
  const large = billions >= 1 || (model !== undefined && model.family !== 't5') || LARGE_MODEL_WORDS.test(text);
  return { subject: what ? `pre-training ${what}` : 'pre-training', offset, implausible: large ? IMPLAUSIBLE_PRETRAINING : null };
}

/** The sentence, or a window of it around the claim when it is long; whitespace collapsed. */
function quoted(sentence: string, offset: number): string {
  const text = sentence.length <= MAX_CLAIM_TEXT ? sentence : window(sentence, offset);
  return text.replace(/\s+/g, ' ').trim();
}

function window(sentence: string, offset: number): string {
  let start = Math.max(0, offset - 80);
  let end = Math.min(sentence.length, start + MAX_CLAIM_TEXT);
  const space = sentence.indexOf(' ', start);
  if (start > 0 && space >= 0 && space < offset) start = space + 1;
  const lastSpace = sentence.lastIndexOf(' ', end);
  if (end < sentence.length && lastSpace > offset) end = lastSpace;
  return `${start > 0 ? '… ' : ''}${sentence.slice(start, end)}${end < sentence.length ? ' …' : ''}`;
}
