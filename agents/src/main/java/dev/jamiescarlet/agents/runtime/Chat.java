package dev.jamiescarlet.agents.runtime;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;

/** The LangChain4j AI service behind a conversation: one user turn in, a streamed answer out. */
interface Chat {

  /** Answers one message of the thread. */
  TokenStream chat(@UserMessage String message);
}
