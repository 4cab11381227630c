"""FastAPI app: POST /ask answers a support question with retrieved sources."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

from rag_service.generator import OllamaGenerator
from rag_service.pipeline import answer_question
from rag_service.retriever import Retriever

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Load the embedding model and open Chroma once, not per request.
    app.state.retriever = Retriever.from_config()
    app.state.generator = OllamaGenerator()
    if app.state.retriever.collection.count() == 0:
        logger.warning("Collection is empty: run `python -m rag_service.ingest` first")
    yield
    app.state.generator.close()


app = FastAPI(title="Support RAG", version="0.1.0", lifespan=lifespan)


def get_retriever(request: Request) -> Retriever:
    return request.app.state.retriever


def get_generator(request: Request) -> OllamaGenerator:
    return request.app.state.generator


class AskRequest(BaseModel):
    question: str = Field(min_length=3, max_length=1000, examples=["How do I reset my password?"])


class Source(BaseModel):
    id: str
    text: str
    score: float


class AskResponse(BaseModel):
    answer: str
    sources: list[Source]


@app.post("/ask", response_model=AskResponse)
def ask(
    body: AskRequest,
    retriever: Annotated[Retriever, Depends(get_retriever)],
    generator: Annotated[OllamaGenerator, Depends(get_generator)],
) -> AskResponse:
    try:
        result = answer_question(body.question, retriever, generator)
    except httpx.HTTPError as exc:
        logger.exception("LLM call failed")
        raise HTTPException(status_code=502, detail="The language model is unavailable") from exc
    return AskResponse(
        answer=result.answer,
        sources=[Source(id=p.id, text=p.text, score=p.score) for p in result.sources],
    )


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
