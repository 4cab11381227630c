"""Prompt template: answer from the retrieved context only, otherwise say "I don't know"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag_service.retriever import Passage

NO_CONTEXT = "(no relevant context found)"

PROMPT_TEMPLATE = """You are a customer-support assistant. Answer the customer's question using \
only the context below, which contains past support answers.
If the context does not contain the answer, reply exactly: I don't know.
Answer in one to three sentences and do not mention the context.

Context:
{context}

Question: {question}
Answer:"""


def format_context(passages: Sequence[Passage]) -> str:
    if not passages:
        return NO_CONTEXT
    return "\n\n".join(f"[{i}] {p.text}" for i, p in enumerate(passages, start=1))


def build_prompt(question: str, passages: Sequence[Passage]) -> str:
    return PROMPT_TEMPLATE.format(context=format_context(passages), question=question.strip())
