import httpx
import pytest
from fastapi.testclient import TestClient

from rag_service.api import app, get_generator, get_retriever


class FakeRetriever:
    def __init__(self, passages):
        self.passages = passages

    def retrieve(self, question):
        return self.passages


class FakeGenerator:
    def __init__(self, answer="You can return unused items within 30 days of delivery."):
        self.answer = answer
        self.prompts = []

    def generate(self, prompt):
        self.prompts.append(prompt)
        return self.answer


@pytest.fixture
def generator():
    return FakeGenerator()


@pytest.fixture
def client(passages, generator):
    # No `with TestClient(...)`: the lifespan (real models, Chroma) is never started.
    app.dependency_overrides[get_retriever] = lambda: FakeRetriever(passages)
    app.dependency_overrides[get_generator] = lambda: generator
    yield TestClient(app)
    app.dependency_overrides.clear()


def test_health(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ask_returns_answer_and_sources(client, generator):
    response = client.post("/ask", json={"question": "What is the return window?"})

    assert response.status_code == 200
    body = response.json()
    assert body["answer"] == generator.answer
    assert [source["id"] for source in body["sources"]] == ["qa-0002-0", "qa-0003-0"]
    assert "within 30 days of delivery" in generator.prompts[0]
    assert "Question: What is the return window?" in generator.prompts[0]


@pytest.mark.parametrize(
    "payload",
    [{}, {"question": ""}, {"question": "x" * 1001}, {"query": "wrong field name"}],
)
def test_ask_rejects_invalid_requests(client, payload):
    assert client.post("/ask", json=payload).status_code == 422


def test_ask_returns_502_when_the_llm_is_down(client, generator):
    def fail(prompt):
        raise httpx.ConnectError("connection refused")

    generator.generate = fail
    response = client.post("/ask", json={"question": "What is the return window?"})

    assert response.status_code == 502
