import type { Evidence, History, SourceFile } from '../types.js';

/** A JSON-compatible literal value read from code or config. */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

// ---------------------------------------------------------------- Python (files and notebooks)

export interface PyValue {
  /** Source text of the expression (trimmed, at most a line's worth). */
  text: string;
  kind: 'string' | 'number' | 'bool' | 'none' | 'list' | 'dict' | 'name' | 'call' | 'other';
  /** The value when it is a literal, or a name bound to a literal constant; absent otherwise. */
  literal?: Literal;
  /** For `kind: 'name'` and `'call'`: the dotted name resolved through imports. */
  resolved?: string;
  /** Where the expression starts (a keyword argument's value may sit lines below its call). */
  evidence: Evidence;
  /** For a name whose `literal` comes from a constant: where that constant is written (maybe another module). */
  definedAt?: Evidence;
}

export interface PyImport {
  /** `import a.b` → `a.b`; `from a import b` → `a`; relative imports keep their dots (`.models`). */
  module: string;
  /** `from a import b` → `b`; `null` for `import a`. `*` for star imports. */
  name: string | null;
  /** The local name bound by the import. */
  alias: string;
  evidence: Evidence;
}

export interface PyCall {
  /**
   * The callee as a dotted name resolved through imports and simple assignments:
   * `tf.AutoModel.from_pretrained` → `transformers.AutoModel.from_pretrained`;
   * `m = AutoModel.from_pretrained(); m.generate()` → `transformers.AutoModel.from_pretrained().generate`.
   * Unresolvable callees keep their source text.
   */
  callee: string;
  /** The callee as written. */
  raw: string;
  /** Last segment of the callee (`from_pretrained`). */
  name: string;
  args: PyValue[];
  kwargs: Record<string, PyValue>;
  evidence: Evidence;
  /** Qualified name of the enclosing function (`Api.answer`), or null at module level. */
  scope: string | null;
  /** Resolved decorators of the enclosing function (route handlers, fixtures). */
  scopeDecorators: string[];
  /** True when the call sits inside a `for`/`while` loop or a comprehension. */
  inLoop: boolean;
  /** True for `await f()`. */
  awaited: boolean;
  /** The variable the call's result is assigned to (`model = ...` → `model`), if any. */
  assignedTo: string | null;
}

export interface PyString {
  value: string;
  isFString: boolean;
  isDocstring: boolean;
  evidence: Evidence;
}

export interface PyFunction {
  name: string;
  /** `Class.method` or `outer.inner`. */
  qualname: string;
  className: string | null;
  decorators: string[];
  params: string[];
  /** Annotation of each annotated parameter, its leading name resolved (`body: AskRequest` → `{ body: 'api.AskRequest' }`). */
  paramTypes: Record<string, string>;
  /** Parameters (besides self/cls) with a type annotation. */
  annotatedParams: number;
  hasReturnAnnotation: boolean;
  hasDocstring: boolean;
  isAsync: boolean;
  line: number;
  endLine: number;
  evidence: Evidence;
  /** `assert` statements plus `self.assert*` / `pytest.raises` / `np.testing.assert_*` calls. */
  assertions: number;
  /** Names the body reads (`if q in ANSWERS: return ANSWERS[q]`), each at its first line. */
  reads: Map<string, Evidence>;
  /** Cyclomatic complexity: 1 + branches (`if`/`elif`, loops, `except`, `case`, `and`/`or`, conditional expressions, comprehension `if`s). */
  complexity: number;
  /** Deepest nesting of `if`/`for`/`while`/`try`/`with`/`match` blocks in the body (nested functions not counted). */
  maxNesting: number;
}

export interface PyExcept {
  /** `except:` with no exception type. */
  bare: boolean;
  /** The caught types as written (`ValueError`, `(KeyError, TypeError)`, `Exception as e`). */
  types: string;
  /** The handler does nothing: only `pass`, `...` or `continue`. */
  swallowed: boolean;
  scope: string | null;
  evidence: Evidence;
}

export interface PyComment {
  /** The comment without its `#`, trimmed. */
  text: string;
  evidence: Evidence;
}

export interface PyClass {
  name: string;
  /** Base classes resolved through imports (`unittest.TestCase`). */
  bases: string[];
  decorators: string[];
  line: number;
  endLine: number;
  evidence: Evidence;
}

export interface PyAssignment {
  target: string;
  /** For a bare annotation (`sources: list[str]`), `{ kind: 'other', text: '' }`. */
  value: PyValue;
  /** The annotation of `x: T = …` or `x: T`, leading name resolved. */
  annotation?: string;
  scope: string | null;
  evidence: Evidence;
}

/** A `"key": value` pair of a dict literal whose key is a string (`json={"model": MODEL}`). */
export interface PyPair {
  key: string;
  value: PyValue;
  evidence: Evidence;
}

export interface PyModule {
  path: string;
  kind: 'python' | 'notebook';
  imports: PyImport[];
  calls: PyCall[];
  strings: PyString[];
  functions: PyFunction[];
  classes: PyClass[];
  assignments: PyAssignment[];
  pairs: PyPair[];
  excepts: PyExcept[];
  comments: PyComment[];
  /** Non-blank code lines. */
  linesOfCode: number;
  /** True when tree-sitter found syntax errors (the facts are still extracted). */
  hasSyntaxErrors: boolean;
}

// ---------------------------------------------------------------- TypeScript / JavaScript

export interface ScriptValue {
  text: string;
  kind: 'string' | 'number' | 'bool' | 'null' | 'array' | 'object' | 'name' | 'call' | 'function' | 'other';
  literal?: Literal;
}

export interface ScriptImport {
  /** Module specifier as written: `@langchain/openai`, `./rag`. */
  module: string;
  /** Imported name: `ChatOpenAI`; `default` for default imports; `*` for namespace imports and bare `require`. */
  name: string;
  alias: string;
  /** `import`, `require` or dynamic `import()`. */
  via: 'import' | 'require' | 'dynamic';
  evidence: Evidence;
}

export interface ScriptCall {
  /** Resolved through imports: `new ChatOpenAI()` → `@langchain/openai.ChatOpenAI`. Else the source text. */
  callee: string;
  raw: string;
  name: string;
  isNew: boolean;
  args: ScriptValue[];
  evidence: Evidence;
}

export interface ScriptRoute {
  framework: 'express' | 'fastify' | 'nestjs' | 'nextjs' | 'other';
  method: string;
  path: string;
  evidence: Evidence;
}

export interface ScriptTest {
  name: string;
  /** `it`, `test`, `it.each`, … as written. */
  via: string;
  evidence: Evidence;
}

export interface ScriptModule {
  path: string;
  language: 'typescript' | 'javascript';
  imports: ScriptImport[];
  calls: ScriptCall[];
  strings: { value: string; evidence: Evidence }[];
  routes: ScriptRoute[];
  tests: ScriptTest[];
  linesOfCode: number;
}

// ---------------------------------------------------------------- Manifests

export interface Dependency {
  /** Normalised: PyPI names lower-case with runs of `-_.` as `-`; npm names as written. */
  name: string;
  ecosystem: 'pypi' | 'npm';
  /** Version specifier as written (`>=4.40`, `^1.2.0`, `` when none). */
  spec: string;
  group: 'main' | 'dev' | 'optional';
  /** The manifest (or notebook, for `!pip install`) that declares it. */
  manifest: string;
  evidence: Evidence;
}

// ---------------------------------------------------------------- Config documents

export interface ConfigLeaf {
  /** Keys from the document root: `['training', 'lora', 'r']`; array items as their index. */
  key: (string | number)[];
  value: Literal;
  evidence: Evidence;
}

export interface ConfigDocument {
  path: string;
  format: 'yaml' | 'json' | 'toml' | 'env';
  /** 0-based document index in a multi-document YAML file. */
  index: number;
  /** The parsed document. */
  data: Literal;
  /** Every scalar in the document with its key path and line. */
  leaves: ConfigLeaf[];
  /** Evidence for a key path, when the key is present (line of the key). */
  evidenceFor(key: readonly (string | number)[]): Evidence | undefined;
}

// ---------------------------------------------------------------- Dockerfiles

export interface DockerInstruction {
  /** Upper-case keyword: `FROM`, `RUN`, `CMD`, … */
  keyword: string;
  /** Arguments as written, continuation lines joined. */
  args: string;
  line: number;
  endLine: number;
  evidence: Evidence;
}

export interface DockerFrom {
  image: string;
  tag: string | null;
  digest: string | null;
  /** `AS name`, if any. */
  stage: string | null;
  evidence: Evidence;
}

export interface DockerfileFacts {
  path: string;
  instructions: DockerInstruction[];
  from: DockerFrom[];
}

// ---------------------------------------------------------------- Secrets

export interface SecretHit {
  /** What kind of credential: `openai-key`, `hf-token`, `aws-access-key`, `private-key`, … */
  kind: string;
  /** Evidence whose snippet has the secret redacted. */
  evidence: Evidence;
}

// ---------------------------------------------------------------- Notebooks

export interface NotebookSummary {
  path: string;
  cells: number;
  codeCells: number;
  /** Size of the saved outputs as JSON (never read into a report). */
  outputBytes: number;
  /** Line 1 of the notebook file. */
  evidence: Evidence;
}

// ---------------------------------------------------------------- All facts

export interface Facts {
  /** Every analysed text file (code, config and prose). */
  files: SourceFile[];
  python: PyModule[];
  scripts: ScriptModule[];
  dependencies: Dependency[];
  configs: ConfigDocument[];
  dockerfiles: DockerfileFacts[];
  notebooks: NotebookSummary[];
  secrets: SecretHit[];
  /** Commit history of a git source (bounded), null for a plain folder. */
  history: History | null;
  /** Lines of code by language (`python`, `notebook`, `typescript`, `javascript`, …). */
  languages: Record<string, number>;
  /** Runs of ≥ 6 normalised code lines found in two places (Python and TS/JS, tests left out); at most 200 pairs. */
  duplicates: { a: Evidence; b: Evidence; lines: number }[];
}
