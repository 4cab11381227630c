import pytest

from rag_service.retriever import Passage


@pytest.fixture
def passages() -> list[Passage]:
    return [
        Passage(
            id="qa-0002-0",
            text="Question: What is your return policy? Answer: You can return unused items "
            "within 30 days of delivery for a full refund.",
            score=0.83,
        ),
        Passage(
            id="qa-0003-0",
            text="Question: How long does a refund take? Answer: Refunds go back to the original "
            "payment method within 5 business days.",
            score=0.71,
        ),
    ]
