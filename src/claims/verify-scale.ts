import { loaderCalls } from '../facts/queries/transformers.js';
import { trainerCalls } from '../facts/queries/fine-tuning.js';
import { calleeMatches, isTestPath, pythonCalls } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { searched, type Verifier } from './verification-context.js';

/** A model built from a configuration (random weights) rather than loaded from a checkpoint. */
const FROM_CONFIG = /(?:^|\.)(?:\w+ForCausalLM|\w+LMHeadModel|\w+ForMaskedLM|\w+ForConditionalGeneration)$/;

/**
 * Pre-training (or training from scratch): supported by a model initialised from a config and a
 * training loop; contradicted when the code loads a pretrained checkpoint (`from_pretrained`), or
 * shows no training at all.
 */
export const verifyScale: Verifier = (_claim, { facts, scope }) => {
  const lookedFor = `a model initialised from a configuration (\`AutoModelForCausalLM.from_config\`, \`LlamaForCausalLM(config)\`) and trained on raw text, ${searched(scope, ['python', 'notebooks'])}`;
  const scratch = fromConfig(facts);
  if (scratch.length && trainerCalls(facts).length) return { status: 'supported', evidence: scratch, lookedFor };
  const pretrained = loaderCalls(facts).filter((l) => l.kind === 'model' && l.call.name === 'from_pretrained').map((l) => l.call.evidence);
  if (pretrained.length) return { status: 'contradicted', evidence: pretrained, lookedFor: `${lookedFor}; the code loads a pretrained checkpoint with \`from_pretrained\` instead` };
  if (scratch.length) return { status: 'unverifiable', evidence: scratch, lookedFor: `${lookedFor}; a model is built from a config, but no training run was found` };
  return { status: 'contradicted', evidence: [], lookedFor: `${lookedFor}; found no model training at all` };
};

function fromConfig(facts: Facts): Evidence[] {
  return pythonCalls(facts)
    .filter((c) => !isTestPath(c.evidence.path))
    .filter((c) => calleeMatches(c.callee, '*.from_config') || (FROM_CONFIG.test(c.callee) && c.callee.startsWith('transformers.') && c.args.length > 0))
    .map((c) => c.evidence);
}
