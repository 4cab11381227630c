import { configFormat, parseConfigDocuments } from '../../../src/facts/config/parse-config.js';
import type { ManifestContext } from '../../../src/facts/manifests/extract-dependencies.js';
import type { ConfigDocument } from '../../../src/facts/types.js';
import type { SourceFile } from '../../../src/types.js';

/**
 * The context `buildFacts` gives an extractor: `file`'s documents from the real config parser
 * (parsed once, on first use) and a lookup over the mini-repository `files`.
 */
export function manifestContext(file: SourceFile, files: readonly SourceFile[] = []): ManifestContext {
  const byPath = new Map(files.map((f) => [f.path, f]));
  let documents: ConfigDocument[] | undefined;
  return {
    lookup: (path) => byPath.get(path),
    documents: () => (documents ??= configFormat(file.path) ? parseConfigDocuments(file) : []),
  };
}
