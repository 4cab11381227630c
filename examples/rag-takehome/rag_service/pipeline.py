"""Retrieve -> prompt -> generate. Shared by the API and the evaluation script."""

from dataclasses import dataclass

from rag_service.generator import OllamaGenerator
from rag_service.prompt import build_prompt
from rag_service.retriever import Passage, Retriever


@dataclass(frozen=True)
class RagAnswer:
    answer: str
    sources: list[Passage]


def answer_question(question: str, retriever: Retriever, generator: OllamaGenerator) -> RagAnswer:
    passages = retriever.retrieve(question)
    answer = generator.generate(build_prompt(question, passages))
    return RagAnswer(answer=answer, sources=passages)
