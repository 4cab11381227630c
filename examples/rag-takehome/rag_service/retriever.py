"""Embed the question with the ingestion model and fetch the nearest chunks from Chroma."""

from dataclasses import dataclass
from typing import Self

from chromadb.api.models.Collection import Collection
from sentence_transformers import SentenceTransformer

from rag_service import config
from rag_service.ingest import get_collection


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    score: float  # cosine similarity: 1.0 is identical


class Retriever:
    def __init__(
        self, model: SentenceTransformer, collection: Collection, top_k: int = config.TOP_K
    ) -> None:
        self.model = model
        self.collection = collection
        self.top_k = top_k

    @classmethod
    def from_config(cls) -> Self:
        return cls(SentenceTransformer(config.EMBEDDING_MODEL), get_collection())

    def retrieve(self, question: str) -> list[Passage]:
        embedding = self.model.encode([question], normalize_embeddings=True).tolist()
        result = self.collection.query(
            query_embeddings=embedding,
            n_results=self.top_k,
            include=["documents", "distances"],
        )
        ids, documents, distances = result["ids"][0], result["documents"][0], result["distances"][0]
        return [
            Passage(id=chunk_id, text=text, score=round(1.0 - distance, 4))
            for chunk_id, text, distance in zip(ids, documents, distances, strict=True)
        ]
