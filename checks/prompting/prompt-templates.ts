import { defineCheck } from '../../src/engine/define-check.js';
import { at, inlinePrompts, promptFileReference, promptFiles, templateUses } from '../../src/facts/queries/prompting.js';

export default defineCheck({
  id: 'prompting/prompt-templates',
  docs: 'Reports where prompts live: in their own files loaded by the code, in template objects (LangChain, LlamaIndex, Jinja2, DSPy), in a prompt registry — or as f-strings written inline, scattered through the code.',
  messages: {
    promptFiles: 'Prompts live in their own files ({{files}}), loaded by the code at {{at}}',
    templateObjects: 'Prompts are built with {{what}} (`{{call}}`)',
    promptRegistry: 'Prompts are pulled from a prompt registry (`{{call}}`), versioned apart from the code',
    inlinePrompt: 'The prompt is an f-string written inline at {{at}}',
    scatteredPrompts: '{{count}} prompts are f-strings written inline in {{places}}',
  },
  questions: {
    inlinePrompt: 'The prompt at `{{at}}` is an inline f-string — how would you version it, test a change to it, or compare two variants?',
    scatteredPrompts: 'Your prompts are inline f-strings in {{places}} — how do you review a prompt change, and how would you roll one back?',
    promptFiles: 'Your prompts live in {{files}} — how do you know a change to one of them did not make answers worse?',
  },
  *run({ facts }) {
    const files = promptFiles(facts).map((p) => ({ prompt: p, reference: promptFileReference(facts, p) })).filter((p) => p.reference);
    const [loaded] = files;
    if (loaded) {
      const names = files.slice(0, 4).map((f) => `\`${f.prompt.file.path}\``).join(', ');
      yield { kind: 'strength', messageId: 'promptFiles', evidence: [loaded.prompt.evidence, loaded.reference!, ...files.slice(1, 3).map((f) => f.prompt.evidence)], data: { files: names, at: at(loaded.reference!) } };
    }
    const uses = templateUses(facts);
    const registry = uses.find((u) => u.registry);
    if (registry) yield { kind: 'strength', messageId: 'promptRegistry', evidence: [registry.evidence], data: { call: registry.call } };
    const template = uses.find((u) => !u.registry);
    if (template) {
      const kinds = [...new Set(uses.filter((u) => !u.registry).map((u) => u.what))];
      yield { kind: 'strength', messageId: 'templateObjects', evidence: [template.evidence], data: { what: kinds.join(', '), call: template.call } };
    }
    if (loaded || uses.length) return;
    const inline = inlinePrompts(facts);
    const [first] = inline;
    if (!first) return;
    const places = [...new Set(inline.map((p) => p.string.evidence.path))];
    if (inline.length === 1) {
      yield { kind: 'info', messageId: 'inlinePrompt', evidence: [first.string.evidence], data: { at: at(first.string.evidence) } };
    } else {
      const shownPlaces = places.length === 1 ? `\`${places[0]}\`` : `${places.length} files (${places.slice(0, 3).map((p) => `\`${p}\``).join(', ')})`;
      yield { kind: 'concern', messageId: 'scatteredPrompts', evidence: [first.string.evidence, ...inline.slice(1, 4).map((p) => p.string.evidence)], data: { count: inline.length, places: shownPlaces, at: at(first.string.evidence) } };
    }
  },
});
