import { MODEL_FAMILIES, MODEL_VARIANTS, type ModelRole } from './claim-vocabulary.js';

/** A model named in prose or in a model id: `Llama 2 7B` → `{ family: 'llama', version: '2', size: '7b' }`. */
export interface ModelMention {
  family: string;
  role: ModelRole;
  version: string | null;
  variant: string | null;
  size: string | null;
  /** `llama-2-7b`, `gpt-4o-mini`, `mistral-7b`. */
  subject: string;
  /** Offset of the family name in the text it was read from. */
  index: number;
}

const byName = new Map(MODEL_FAMILIES.map((f) => [f.name.replace(' ?', ''), f]));
/** Family names not inside another word (`ollama`, `philosophy`, `llama.cpp`, `LlamaIndex` are not models). */
const FAMILY = new RegExp(
  `(?<![A-Za-z0-9])(${MODEL_FAMILIES.map((f) => f.name).join('|')})(?![a-z])(?![.\\-_ ]?(?:cpp|index)\\b)`,
  'gi',
);
const SIZE = /^[\s:-]?\(?(\d{1,3}(?:\.\d{1,2})?) ?([bm])(?![a-z0-9])/i;
const VERSION = /^[\s-]?v?(\d{1,2}(?:\.\d{1,2})?(?:o(?![a-z]))?)(?![\d.]*\d)/i;

/** Every model named in `text`, in order (at most `max`). */
export function modelMentions(text: string, max = 20): ModelMention[] {
  const out: ModelMention[] = [];
  for (const match of text.matchAll(FAMILY)) {
    const mention = readMention(text, match.index, match[1]!);
    if (mention) out.push(mention);
    if (out.length >= max) break;
  }
  return out;
}

/** The model a model id names (`meta-llama/Llama-2-7b-hf`, `gemma2:2b`, `llama3.2`), or null for other ids. */
export function modelOfId(id: string): ModelMention | null {
  const name = id.slice(id.lastIndexOf('/') + 1).replace(/[_:]/g, '-');
  return modelMentions(name, 1)[0] ?? null;
}

function readMention(text: string, index: number, name: string): ModelMention | null {
  const family = byName.get(name.toLowerCase().replace(' ', ''))!;
  let rest = text.slice(index + name.length, index + name.length + 32);
  let version: string | null = null;
  let variant: string | null = null;
  let size: string | null = null;
  const sizeFirst = SIZE.exec(rest);
  if (sizeFirst) {
    size = `${sizeFirst[1]}${sizeFirst[2]!.toLowerCase()}`;
  } else {
    const v = VERSION.exec(rest);
    if (v) {
      version = v[1]!.toLowerCase();
      rest = rest.slice(v[0].length);
      const w = MODEL_VARIANTS.exec(rest);
      if (w) {
        variant = w[1]!.toLowerCase();
        rest = rest.slice(w[0].length);
      }
      const s = SIZE.exec(rest.replace(/^[\s-]?(?:instruct|chat|base|it|hf)(?=[\s-])/i, ''));
      if (s) size = `${s[1]}${s[2]!.toLowerCase()}`;
    }
  }
  if (family.needsVersion && !version) return null;
  const subject = [family.canonical, version, variant, size].filter(Boolean).join('-');
  return { family: family.canonical, role: family.role, version, variant, size, subject, index };
}

/**
 * Whether a model in code is the one claimed: same family, and no version, variant or size that
 * says otherwise. An id that leaves the size out (`llama3.2` in Ollama) does not contradict "Llama 3.2 3B".
 */
export function sameModel(claimed: ModelMention, found: ModelMention): boolean {
  if (claimed.family !== found.family) return false;
  if (claimed.version && found.version && !(found.version === claimed.version || found.version.startsWith(`${claimed.version}.`))) return false;
  if (claimed.variant && found.variant !== claimed.variant) return false;
  return !claimed.size || !found.size || found.size === claimed.size;
}
