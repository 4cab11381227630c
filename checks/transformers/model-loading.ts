import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/evidence.js';
import { argument } from '../../src/facts/query.js';
import { loaderCalls } from '../../src/facts/queries/transformers.js';

/** A Hub id is `org/name`; a first folder like these, or a folder of the repository, is a local checkpoint. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const LOCAL_FOLDERS = /^(models?|checkpoints?|outputs?|results?|artifacts?|weights|saved_models?|runs|data|adapters?|finetuned|fine_tuned|lora|tmp)$/i;

/** Every folder that holds a file of the repository (`a/b/c.py` → `a`, `a/b`), looked up once per model id instead of scanning the files. */
function foldersOf(paths: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) folders.add(path.slice(0, slash));
  return folders;
}

export default defineCheck({
  id: 'transformers/model-loading',
  docs: 'Reports each transformers model, tokenizer and pipeline the code loads, with the model id and revision, and Hub models loaded without a pinned revision.',
  messages: {
    loaded: '{{what}} `{{model}}` loaded with `{{loader}}` ({{revision}})',
    unpinned: '`{{model}}` is loaded from the Hugging Face Hub without a pinned `revision`: a new push to that repository changes what this code runs',
  },
  questions: {
    unpinned: '`{{model}}` at {{at}} is loaded at whatever revision the Hub serves today — how would you make your reported results reproducible next month?',
  },
  *run({ facts }) {
    const loaders = loaderCalls(facts);
    const folders = foldersOf(facts.files.map((f) => f.path));
    const savedTo = new Set(
      facts.python.flatMap((m) => m.calls.filter((c) => /^(save_pretrained|save_model|push_to_hub)$/.test(c.name)).map((c) => c.args[0]?.literal)),
    );
    const isLocal = (id: string) => {
      const clean = id.replace(/^\.\//, '');
      return (
        savedTo.has(id) || LOCAL_FOLDERS.test(clean.split('/')[0]!) || folders.has(clean)
      );
    };
    const pinned = new Set(loaders.filter((l) => argument(l.call, 'revision')).map((l) => l.model));
    const reported = new Set<string>();
    for (const l of loaders) {
      const revision = argument(l.call, 'revision');
      const what = l.kind === 'tokenizer' ? 'Tokenizer' : l.kind === 'pipeline' ? 'Pipeline model' : 'Model';
      yield {
        kind: 'info',
        messageId: 'loaded',
        evidence: [l.call.evidence],
        data: { what, model: l.model, loader: l.label, revision: revision ? `revision=${revision.text}` : 'revision not pinned' },
      };
      if (l.literalId && HUB_ID.test(l.model) && !isLocal(l.model) && !pinned.has(l.model) && !reported.has(l.model)) {
        reported.add(l.model);
        yield { kind: 'concern', messageId: 'unpinned', evidence: [l.call.evidence], data: { model: l.model, at: at(l.call.evidence) } };
      }
    }
  },
});
