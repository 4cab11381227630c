import { defineCheck } from '../../src/engine/define-check.js';
import type { PyCall, PyModule } from '../../src/facts/types.js';
import { calleeMatches, isTestPath } from '../../src/facts/query.js';
import { inScope, isModelForward, loadedUse } from '../../src/facts/queries/transformers.js';

const NO_GRAD = ['torch.no_grad', 'torch.inference_mode', 'torch.autograd.no_grad', 'torch.autograd.grad_mode.no_grad', 'torch.set_grad_enabled'];
/** Scopes where gradients are wanted: training steps and loss computations. */
const TRAINING_SCOPE = /(^|\.)((?=\w*$)\w*(?:train|loss)\w*|fit|step)$/i;

function isNoGrad(name: string): boolean {
  return NO_GRAD.some((p) => calleeMatches(name, p));
}

export default defineCheck({
  id: 'transformers/inference-without-no-grad',
  docs: 'Reports forward passes of a loaded model outside `torch.no_grad()` / `torch.inference_mode()`, and inference on a model left in training mode (`.train()` or weights from `load_state_dict`, never `.eval()`). `generate` and pipelines already run without gradients.',
  messages: {
    withGrad: '`{{call}}` runs the model outside `torch.no_grad()` / `torch.inference_mode()`: autograd keeps every activation for a backward pass that never comes',
    withoutEval: '`{{call}}` runs a model that {{how}} and is never switched to `.eval()`: dropout stays active, so answers vary and quality drops',
  },
  questions: {
    withGrad: '{{at}} calls the model without `torch.no_grad()` — what does that cost in memory per request, and where would you add it?',
    withoutEval: '{{at}} runs inference on a model that {{how}} without calling `.eval()` — what changes in its outputs, and how would you notice?',
  },
  *run({ facts }) {
    for (const m of facts.python) {
      if (isTestPath(m.path)) continue;
      const trainingScopes = new Set(m.calls.filter((c) => c.name === 'backward').map((c) => c.scope));
      for (const call of m.calls) {
        const data = { call: `${call.raw}(…)`, at: `${call.evidence.path}:${call.evidence.line}` };
        if ((isModelForward(call) || customForward(call, m)) && !inTraining(call, trainingScopes) && !guarded(call, m)) {
          yield { kind: 'concern', messageId: 'withGrad', evidence: [call.evidence], data };
        }
        const how = trainingModeOf(call, m);
        if (how && !inTraining(call, trainingScopes)) yield { kind: 'concern', messageId: 'withoutEval', evidence: [call.evidence], data: { ...data, how } };
      }
    }
  },
});

function inTraining(call: PyCall, trainingScopes: Set<string | null>): boolean {
  return call.scope !== null && (TRAINING_SCOPE.test(call.scope) || trainingScopes.has(call.scope));
}

/** A `with torch.no_grad():` in the same function (or, at module level, above the call), or the function decorated with it. */
function guarded(call: PyCall, m: PyModule): boolean {
  if (call.scopeDecorators.some(isNoGrad)) return true;
  return m.calls.some(
    (c) =>
      isNoGrad(c.callee) &&
      c.args[0]?.literal !== true &&
      (c.scope === null ? call.scope === null && c.evidence.line <= call.evidence.line : inScope(call.scope, c.scope)),
  );
}

/** `net(x)` where `net` got its weights from `load_state_dict` in this module. */
function customForward(call: PyCall, m: PyModule): boolean {
  if (loadedUse(call.callee) || !call.callee.endsWith('()') || call.callee === call.raw) return false;
  return m.calls.some((c) => c.callee === `${call.callee}.load_state_dict`);
}

/**
 * For a forward or generate call on a model that was put in training mode (`.train()`) or given
 * weights with `load_state_dict` and never `.eval()`-ed in the module: how it got there; else null.
 */
function trainingModeOf(call: PyCall, m: PyModule): string | null {
  const receiver = receiverOf(call);
  if (!receiver) return null;
  const onReceiver = (name: string) => m.calls.filter((c) => c.callee === `${receiver}.${name}`);
  if (onReceiver('eval').length || onReceiver('train').some((c) => c.args[0]?.literal === false)) return null;
  const before = (c: PyCall) => c.evidence.line < call.evidence.line || c.scope !== call.scope;
  if (onReceiver('train').some(before)) return 'was put in training mode with `.train()`';
  const use = loadedUse(call.callee);
  if (use) return null; // from_pretrained returns a model in eval mode
  if (onReceiver('load_state_dict').some(before)) return 'got its weights from `load_state_dict`';
  return null;
}

/** The object a forward (`X()`) or generate (`X().generate`) call runs: `X()`, when it is a constructed or loaded object. */
function receiverOf(call: PyCall): string | null {
  const use = loadedUse(call.callee);
  if (use) {
    if (use.kind !== 'model' || !(use.method === null || use.method === 'forward' || use.method === 'generate')) return null;
    return use.method === null ? call.callee : call.callee.slice(0, call.callee.lastIndexOf('.'));
  }
  if (call.callee.endsWith('()') && call.callee !== call.raw) return call.callee;
  if (/\(\)\.(forward|generate)$/.test(call.callee)) return call.callee.slice(0, call.callee.lastIndexOf('.'));
  return null;
}
