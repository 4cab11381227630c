"""Load the support Q/A pairs, chunk them, embed them and upsert them into Chroma.

Run with ``python -m rag_service.ingest``. Re-running is idempotent: chunk ids are
``<pair id>-<chunk index>``, so ``upsert`` overwrites existing chunks instead of duplicating them.
"""

import json
import logging
from pathlib import Path

import chromadb
from chromadb.api.models.Collection import Collection
from sentence_transformers import SentenceTransformer

from rag_service import config

logger = logging.getLogger(__name__)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_pairs(path: Path = config.QA_PAIRS_PATH) -> list[dict]:
    pairs = read_jsonl(path)
    for n, pair in enumerate(pairs, start=1):
        if not pair.get("id") or not pair.get("question") or not pair.get("answer"):
            raise ValueError(f"{path}: record {n} needs non-empty id, question and answer")
    return pairs


def chunk_text(
    text: str, size: int = config.CHUNK_SIZE, overlap: int = config.CHUNK_OVERLAP
) -> list[str]:
    """Split text into windows of at most ``size`` characters that overlap by ``overlap``.

    A window ends at the last space before the limit when that still leaves room for the
    overlap, so words are not cut in half at the end of a chunk.
    """
    if size <= 0:
        raise ValueError("size must be positive")
    if not 0 <= overlap < size:
        raise ValueError("overlap must be >= 0 and smaller than size")

    text = " ".join(text.split())
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind(" ", start, end)
            if cut > start + overlap:
                end = cut
        chunks.append(text[start:end].strip())
        if end == len(text):
            break
        start = end - overlap
    return chunks


def get_collection(path: str = config.CHROMA_DIR) -> Collection:
    client = chromadb.PersistentClient(path=path)
    return client.get_or_create_collection(
        name=config.COLLECTION_NAME, metadata={"hnsw:space": "cosine"}
    )


def ingest(
    pairs: list[dict],
    model: SentenceTransformer,
    collection: Collection,
    batch_size: int = 64,
) -> int:
    """Chunk, embed and upsert all pairs. Returns the number of chunks written."""
    ids: list[str] = []
    documents: list[str] = []
    metadatas: list[dict] = []
    for pair in pairs:
        text = f"Question: {pair['question']}\nAnswer: {pair['answer']}"
        for i, chunk in enumerate(chunk_text(text)):
            ids.append(f"{pair['id']}-{i}")
            documents.append(chunk)
            metadatas.append(
                {"pair_id": pair["id"], "chunk": i, "category": pair.get("category", "")}
            )

    for start in range(0, len(ids), batch_size):
        batch = slice(start, start + batch_size)
        embeddings = model.encode(documents[batch], normalize_embeddings=True).tolist()
        collection.upsert(
            ids=ids[batch],
            documents=documents[batch],
            embeddings=embeddings,
            metadatas=metadatas[batch],
        )
    return len(ids)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    pairs = load_pairs()
    model = SentenceTransformer(config.EMBEDDING_MODEL)
    collection = get_collection()
    written = ingest(pairs, model, collection)
    logger.info(
        "Upserted %d chunks from %d pairs; collection %r now holds %d chunks",
        written,
        len(pairs),
        collection.name,
        collection.count(),
    )


if __name__ == "__main__":
    main()
