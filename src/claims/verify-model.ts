import type { StackItem } from '../stack/types.js';
import { modelOfId, sameModel, type ModelMention } from './model-mention.js';
import { listed, searched, type Verifier } from './verification-context.js';

const MAX_NAMED = 3;

/**
 * A model claim against the model ids written in code and config: supported by an id of that
 * model (same family; same version, variant and size when the claim gives them); contradicted
 * when the code names other models for the same role (a different size of the family, or another
 * generator); unverifiable when no model for that role is written down (it may be chosen at run time).
 */
export const verifyModel: Verifier = (claim, { stack, scope }) => {
  const claimed = claim.model!;
  const where = searched(scope, ['python', 'notebooks', 'scripts', 'configs']);
  const lookedFor = `a model id naming ${describe(claimed)} (any organisation, suffix or tag) in code, notebooks, configs or launch scripts, ${where}`;
  const models = stack.models.map((item) => ({ item, model: modelOfId(item.id) }));
  const matching = models.filter((m) => m.model && sameModel(claimed, m.model));
  if (matching.length) return { status: 'supported', evidence: matching.flatMap((m) => m.item.evidence.slice(0, 1)), lookedFor };
  const sameFamily = models.filter((m) => m.model?.family === claimed.family);
  const sameRole = sameFamily.length ? sameFamily : models.filter((m) => m.model?.role === claimed.role);
  if (sameRole.length) {
    const named = sameRole.slice(0, MAX_NAMED).map((m) => `\`${m.item.id}\``);
    return { status: 'contradicted', evidence: sameRole.flatMap((m) => m.item.evidence.slice(0, 1)), lookedFor: `${lookedFor}; the code names ${listed(named, 'and')} instead` };
  }
  return { status: 'unverifiable', evidence: [], lookedFor: `${lookedFor}; no ${claimed.role === 'encoder' ? 'embedding or encoder' : 'generative'} model id is written down${others(stack.models)}` };
};

/** `llama 2 7B`, `gpt 4o mini`. */
function describe(model: ModelMention): string {
  return [model.family, model.version, model.variant, model.size?.toUpperCase()].filter(Boolean).join(' ');
}

function others(models: readonly StackItem[]): string {
  return models.length ? ` (found only ${listed(models.slice(0, MAX_NAMED).map((m) => `\`${m.id}\``), 'and')})` : '';
}
