/**
 * What names each canonical id of the JSON contract is recognised by. Python patterns are dotted
 * module (or `module.Name`) prefixes; npm patterns are package specifiers or sub-paths; PyPI and
 * npm names are what manifests declare. A trailing `*` is a prefix wildcard.
 */
export interface Signal {
  id: string;
  python?: readonly string[];
  npm?: readonly string[];
  pypi?: readonly string[];
}

const llamaIndexIntegration = (kind: string) => [`llama_index.llms.${kind}`, `llama_index.embeddings.${kind}`];

export const LIBRARIES: readonly Signal[] = [
  { id: 'transformers', python: ['transformers'], pypi: ['transformers'] },
  { id: 'peft', python: ['peft'], pypi: ['peft'] },
  { id: 'trl', python: ['trl'], pypi: ['trl'] },
  { id: 'bitsandbytes', python: ['bitsandbytes'], pypi: ['bitsandbytes'] },
  { id: 'accelerate', python: ['accelerate'], pypi: ['accelerate'] },
  { id: 'deepspeed', python: ['deepspeed'], pypi: ['deepspeed'] },
  { id: 'torch', python: ['torch'], pypi: ['torch'] },
  { id: 'tensorflow', python: ['tensorflow'], pypi: ['tensorflow', 'tensorflow-cpu', 'tensorflow-gpu'], npm: ['@tensorflow/tfjs*'] },
  { id: 'jax', python: ['jax', 'flax'], pypi: ['jax', 'jaxlib', 'flax'] },
  { id: 'sentence-transformers', python: ['sentence_transformers'], pypi: ['sentence-transformers'] },
  { id: 'unsloth', python: ['unsloth'], pypi: ['unsloth'] },
  { id: 'langchain', python: ['langchain', 'langchain_*'], pypi: ['langchain', 'langchain-*'] },
  { id: 'llamaindex', python: ['llama_index'], pypi: ['llama-index', 'llama-index-*'] },
  { id: 'haystack', python: ['haystack'], pypi: ['haystack-ai', 'farm-haystack'] },
  { id: 'dspy', python: ['dspy'], pypi: ['dspy', 'dspy-ai'] },
  {
    id: 'openai',
    python: ['openai', 'langchain_openai', 'langchain_community.llms.OpenAI', 'langchain_community.chat_models.ChatOpenAI', 'langchain_community.embeddings.OpenAIEmbeddings', ...llamaIndexIntegration('openai')],
    pypi: ['openai', 'langchain-openai', 'llama-index-llms-openai', 'llama-index-embeddings-openai'],
    npm: ['openai', '@langchain/openai', '@ai-sdk/openai'],
  },
  {
    id: 'anthropic',
    python: ['anthropic', 'langchain_anthropic', 'langchain_community.chat_models.ChatAnthropic', ...llamaIndexIntegration('anthropic')],
    pypi: ['anthropic', 'langchain-anthropic', 'llama-index-llms-anthropic'],
    npm: ['@anthropic-ai/sdk', '@langchain/anthropic', '@ai-sdk/anthropic'],
  },
  {
    id: 'ollama',
    python: ['ollama', 'langchain_ollama', 'langchain_community.llms.Ollama', 'langchain_community.chat_models.ChatOllama', 'langchain_community.embeddings.OllamaEmbeddings', ...llamaIndexIntegration('ollama')],
    pypi: ['ollama', 'langchain-ollama', 'llama-index-llms-ollama', 'llama-index-embeddings-ollama'],
    npm: ['ollama', '@langchain/ollama', 'ollama-ai-provider'],
  },
  { id: 'vllm', python: ['vllm'], pypi: ['vllm'] },
  { id: 'llama-cpp', python: ['llama_cpp'], pypi: ['llama-cpp-python'], npm: ['node-llama-cpp'] },
  { id: 'transformers-js', npm: ['@xenova/transformers', '@huggingface/transformers'] },
  { id: 'langchainjs', npm: ['langchain', '@langchain/*'] },
  {
    id: 'cohere',
    python: ['cohere', 'langchain_cohere', 'langchain_community.llms.Cohere', ...llamaIndexIntegration('cohere')],
    pypi: ['cohere', 'langchain-cohere', 'llama-index-llms-cohere'],
    npm: ['cohere-ai', '@langchain/cohere'],
  },
  { id: 'huggingface-hub', python: ['huggingface_hub'], pypi: ['huggingface-hub'], npm: ['@huggingface/hub', '@huggingface/inference'] },
  { id: 'datasets', python: ['datasets'], pypi: ['datasets'] },
  { id: 'ragas', python: ['ragas'], pypi: ['ragas'] },
  { id: 'deepeval', python: ['deepeval'], pypi: ['deepeval'] },
  { id: 'mlflow', python: ['mlflow'], pypi: ['mlflow', 'mlflow-skinny'] },
  { id: 'wandb', python: ['wandb'], pypi: ['wandb'] },
];

const lcStore = (name: string) => [`langchain_community.vectorstores.${name}`, `langchain.vectorstores.${name}`];

export const VECTOR_STORES: readonly Signal[] = [
  { id: 'chroma', python: ['chromadb', 'langchain_chroma', ...lcStore('Chroma'), 'llama_index.vector_stores.chroma'], npm: ['chromadb', '@langchain/community/vectorstores/chroma'] },
  { id: 'faiss', python: ['faiss', ...lcStore('FAISS'), 'llama_index.vector_stores.faiss'], npm: ['faiss-node', '@langchain/community/vectorstores/faiss'] },
  { id: 'qdrant', python: ['qdrant_client', 'langchain_qdrant', ...lcStore('Qdrant'), 'llama_index.vector_stores.qdrant'], npm: ['@qdrant/*', '@langchain/qdrant'] },
  { id: 'weaviate', python: ['weaviate', 'langchain_weaviate', ...lcStore('Weaviate'), 'llama_index.vector_stores.weaviate'], npm: ['weaviate-client', 'weaviate-ts-client', '@langchain/weaviate'] },
  { id: 'pinecone', python: ['pinecone', 'langchain_pinecone', ...lcStore('Pinecone'), 'llama_index.vector_stores.pinecone'], npm: ['@pinecone-database/pinecone', '@langchain/pinecone'] },
  { id: 'pgvector', python: ['pgvector', 'langchain_postgres', ...lcStore('PGVector'), 'llama_index.vector_stores.postgres'], npm: ['pgvector', '@langchain/community/vectorstores/pgvector'] },
  { id: 'milvus', python: ['pymilvus', 'langchain_milvus', ...lcStore('Milvus'), 'llama_index.vector_stores.milvus'], npm: ['@zilliz/milvus2-sdk-node'] },
  { id: 'lancedb', python: ['lancedb', ...lcStore('LanceDB'), 'llama_index.vector_stores.lancedb'], npm: ['@lancedb/lancedb', 'vectordb'] },
  { id: 'elasticsearch', python: ['elasticsearch', 'langchain_elasticsearch', ...lcStore('ElasticsearchStore')], npm: ['@elastic/elasticsearch'] },
  { id: 'opensearch', python: ['opensearchpy', ...lcStore('OpenSearchVectorSearch')], npm: ['@opensearch-project/opensearch'] },
  { id: 'redis', python: ['redisvl', 'langchain_redis', ...lcStore('Redis'), 'llama_index.vector_stores.redis'], npm: ['@langchain/redis'] },
  { id: 'mongodb-atlas', python: ['langchain_mongodb', ...lcStore('MongoDBAtlasVectorSearch'), 'llama_index.vector_stores.mongodb'], npm: ['@langchain/mongodb'] },
  {
    id: 'in-memory',
    python: ['langchain_core.vectorstores.InMemoryVectorStore', ...lcStore('DocArrayInMemorySearch'), ...lcStore('InMemoryVectorStore')],
    npm: ['langchain/vectorstores/memory'],
  },
];

export const API_FRAMEWORKS: readonly Signal[] = [
  { id: 'fastapi', python: ['fastapi'] },
  { id: 'flask', python: ['flask'] },
  { id: 'django', python: ['django'] },
  { id: 'express', npm: ['express'] },
  { id: 'fastify', npm: ['fastify'] },
  { id: 'nestjs', npm: ['@nestjs/*'] },
  { id: 'nextjs', npm: ['next'] },
  { id: 'gradio', python: ['gradio'] },
  { id: 'streamlit', python: ['streamlit'] },
  { id: 'bentoml', python: ['bentoml'] },
  { id: 'litserve', python: ['litserve'] },
];

// ---------------------------------------------------------------- production and MLOps
// Imports here are the weakest evidence of these categories: each detector prefers the line that
// defines a flow, records a metric or calls a service, and falls back to the import.

export const ORCHESTRATION: readonly Signal[] = [
  { id: 'airflow', python: ['airflow'], pypi: ['apache-airflow', 'apache-airflow-*'] },
  { id: 'prefect', python: ['prefect'], pypi: ['prefect', 'prefect-*'] },
  { id: 'dagster', python: ['dagster', 'dagster_*'], pypi: ['dagster', 'dagster-*'] },
  { id: 'kubeflow', python: ['kfp'], pypi: ['kfp'] },
  { id: 'luigi', python: ['luigi'], pypi: ['luigi'] },
  { id: 'argo-workflows', python: ['hera'], pypi: ['hera', 'hera-workflows'] },
];

/** mlflow and wandb are declared as `libraries`; here they count only when they track something. */
export const OBSERVABILITY: readonly Signal[] = [
  {
    id: 'prometheus',
    python: ['prometheus_client', 'prometheus_fastapi_instrumentator', 'starlette_exporter', 'starlette_prometheus'],
    pypi: ['prometheus-client', 'prometheus-fastapi-instrumentator', 'starlette-exporter', 'starlette-prometheus'],
    npm: ['prom-client', 'express-prom-bundle'],
  },
  {
    id: 'opentelemetry',
    python: ['opentelemetry', 'traceloop', 'openlit'],
    pypi: ['opentelemetry-*', 'traceloop-sdk', 'openlit'],
    npm: ['@opentelemetry/*', '@traceloop/*'],
  },
  { id: 'langfuse', python: ['langfuse'], pypi: ['langfuse'], npm: ['langfuse', 'langfuse-langchain', 'langfuse-node', 'langfuse-vercel'] },
  { id: 'langsmith', python: ['langsmith'], pypi: ['langsmith'], npm: ['langsmith'] },
  { id: 'phoenix', python: ['phoenix', 'openinference'], pypi: ['arize-phoenix', 'arize-phoenix-*', 'openinference-*'], npm: ['@arizeai/*'] },
  { id: 'wandb', python: ['wandb', 'weave'] },
  { id: 'sentry', python: ['sentry_sdk'], pypi: ['sentry-sdk'], npm: ['@sentry/*'] },
];

export const DATA_VERSIONING: readonly Signal[] = [
  { id: 'dvc', python: ['dvc'], pypi: ['dvc', 'dvc-*'] },
  { id: 'lakefs', python: ['lakefs', 'lakefs_client', 'lakefs_sdk', 'lakefs_spec'], pypi: ['lakefs', 'lakefs-client', 'lakefs-sdk', 'lakefs-spec'] },
];

export const GUARDRAILS: readonly Signal[] = [
  { id: 'nemo-guardrails', python: ['nemoguardrails'], pypi: ['nemoguardrails'] },
  { id: 'guardrails-ai', python: ['guardrails'], pypi: ['guardrails-ai'] },
  { id: 'presidio', python: ['presidio_analyzer', 'presidio_anonymizer'], pypi: ['presidio-analyzer', 'presidio-anonymizer'] },
];

/** Quantisation toolkits whose import is itself the method (bitsandbytes is not: 4- or 8-bit is read from the call). */
export const QUANTIZATION: readonly Signal[] = [
  { id: 'gptq', python: ['auto_gptq', 'gptqmodel', 'optimum.gptq'] },
  { id: 'awq', python: ['awq'] },
  { id: 'gguf', python: ['gguf'] },
  { id: 'onnx', python: ['onnxruntime', 'optimum.onnxruntime', 'optimum.exporters.onnx'], npm: ['onnxruntime-node', 'onnxruntime-web', 'onnxruntime-common'] },
  { id: 'tensorrt', python: ['tensorrt', 'torch_tensorrt', 'tensorrt_llm'] },
];
