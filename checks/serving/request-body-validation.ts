import { defineCheck } from '../../src/engine/define-check.js';
import { at, endpoints, pythonEndpoints } from '../../src/facts/queries/serving.js';
import { callsInFunction } from '../../src/facts/queries/ops.js';
import type { Facts, PyClass } from '../../src/facts/types.js';

const PYDANTIC_BASES = new Set(['pydantic.BaseModel', 'pydantic.v1.BaseModel', 'sqlmodel.SQLModel', 'pydantic.RootModel']);
/** `request.json`, `request.get_json()`, `await request.body()`, `request.form`: the body read by hand. */
const RAW_BODY = /\brequest\.(json|get_json|form|data|values|body)\b/;

/** Names of the pydantic models of the submission, bases followed through the candidate's own classes. */
function pydanticModels(facts: Facts): Set<string> {
  const classes: PyClass[] = facts.python.flatMap((m) => m.classes);
  const models = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of classes) {
      if (models.has(c.name)) continue;
      if (c.bases.some((b) => PYDANTIC_BASES.has(b) || models.has(b.slice(b.lastIndexOf('.') + 1)))) {
        models.add(c.name);
        grew = true;
      }
    }
  }
  return models;
}

export default defineCheck({
  id: 'serving/request-body-validation',
  docs: 'Reports whether endpoints validate their input with a schema (pydantic models as handler parameters, zod objects) or read the raw request body by hand.',
  messages: {
    pydantic: '`{{method}} {{path}}` validates its input with the pydantic model `{{model}}`',
    zod: 'Request data in `{{file}}` is validated with a zod schema (`z.object`)',
    rawBody: '`{{method}} {{path}}` reads the raw request body (`{{read}}`) with no schema: a missing or mistyped field fails deep inside the handler',
  },
  questions: {
    rawBody: '`{{at}}` reads `{{read}}` directly. What does `{{method}} {{path}}` return when a required field is missing or has the wrong type, and where would you validate the body?',
  },
  *run({ facts }) {
    const models = pydanticModels(facts);
    for (const { method, path, evidence, handler } of pythonEndpoints(facts)) {
      if (!handler) continue;
      const { fn, module } = handler;
      const typed = Object.values(fn.paramTypes).map((t) => t.slice(t.lastIndexOf('.') + 1)).find((t) => models.has(t));
      if (typed) {
        yield { kind: 'strength', messageId: 'pydantic', evidence: [fn.evidence, evidence], data: { method, path, model: typed } };
        continue;
      }
      const reads = [
        ...callsInFunction(fn, module).filter((c) => RAW_BODY.test(c.raw)).map((c) => ({ read: c.raw, evidence: c.evidence })),
        ...module.assignments.filter((a) => a.scope === fn.qualname && RAW_BODY.test(a.value.text)).map((a) => ({ read: RAW_BODY.exec(a.value.text)![0], evidence: a.evidence })),
      ].sort((a, b) => a.evidence.line - b.evidence.line);
      const first = reads[0];
      if (first) {
        yield { kind: 'concern', messageId: 'rawBody', evidence: [first.evidence, evidence], data: { method, path, read: first.read, at: at(first.evidence) } };
      }
    }
    const routeFiles = new Set(endpoints(facts).map((e) => e.evidence.path));
    for (const module of facts.scripts) {
      const schema = module.calls.find((c) => /^zod\.(z\.)?object$/.test(c.callee));
      if (schema && (routeFiles.has(module.path) || module.imports.some((i) => /^(next|express|fastify|hono)(\/|$)/.test(i.module)))) {
        yield { kind: 'strength', messageId: 'zod', evidence: [schema.evidence], data: { file: module.path } };
      }
    }
  },
});
