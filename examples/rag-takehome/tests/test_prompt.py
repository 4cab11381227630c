from rag_service.prompt import NO_CONTEXT, PROMPT_TEMPLATE, build_prompt


def test_prompt_numbers_passages_and_ends_with_the_question(passages):
    prompt = build_prompt("  How long do refunds take? ", passages)

    assert "[1] Question: What is your return policy?" in prompt
    assert "[2] Question: How long does a refund take?" in prompt
    assert prompt.endswith("Question: How long do refunds take?\nAnswer:")
    assert "I don't know" in PROMPT_TEMPLATE


def test_prompt_without_passages_says_so_and_keeps_braces_in_the_question():
    prompt = build_prompt("What does {order_id} mean in my email?", [])

    assert NO_CONTEXT in prompt
    assert "What does {order_id} mean in my email?" in prompt
