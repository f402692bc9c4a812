package dev.jamiescarlet.agents.definitions;

/** How a model is reached: an OpenAI-compatible endpoint (vLLM, LocalAI, hosted) or Ollama. */
public enum Provider {
  OPENAI,
  OLLAMA
}
