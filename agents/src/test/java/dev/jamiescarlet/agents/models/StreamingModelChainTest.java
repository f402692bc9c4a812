package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.models.TestModels.MutableClock;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Mid-stream failures, which the scripted server cannot produce, driven by fake clients. */
class StreamingModelChainTest {

  private final ModelGuards guards = TestModels.guards(new MutableClock());
  private final List<String> partials = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final List<ChatResponse> completed = new ArrayList<>();

  private ChainLink link(String model, StreamingChatModel streaming) {
    ModelChoice choice =
        new ModelChoice(Provider.OPENAI, "http://" + model, model, null, null, null);
    ChatModel unused = new ChatModel() {};
    return new ChainLink(
        choice,
        unused,
        streaming,
        guards.breaker(choice.baseUrl(), model),
        guards.limiter(choice.baseUrl()));
  }

  private void stream(ModelChain chain) {
    chain
        .streaming()
        .chat(
            ChatRequest.builder().messages(UserMessage.from("status?")).build(),
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(String partial) {
                partials.add(partial);
              }

              @Override
              public void onCompleteResponse(ChatResponse response) {
                completed.add(response);
              }

              @Override
              public void onError(Throwable error) {
                errors.add(error);
              }
            });
  }

  @Test
  void failureAfterTheFirstTokenReachesTheHandlerWithoutFallback() {
    // given: the primary streams one token, then its connection drops
    AtomicInteger fallbackCalls = new AtomicInteger();
    StreamingChatModel breaksMidStream =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            handler.onPartialResponse("All ");
            handler.onError(new InternalServerException("connection reset"));
          }
        };
    StreamingChatModel fallback =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            fallbackCalls.incrementAndGet();
            handler.onCompleteResponse(
                ChatResponse.builder().aiMessage(AiMessage.from("unused")).build());
          }
        };
    // one attempt: a retried cut is ModelRetryIT's subject
    ModelChain chain =
        ModelChain.ofLinks(List.of(link("primary", breaksMidStream), link("fallback", fallback)))
            .withRetries(RetryPolicy.none());

    // when
    stream(chain);

    // then
    assertThat(partials).containsExactly("All ");
    assertThat(errors).singleElement().isInstanceOf(InternalServerException.class);
    assertThat(completed).isEmpty();
    assertThat(fallbackCalls).hasValue(0);
    assertThat(guards.breaker("http://primary", "primary").consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void clientThatThrowsInsteadOfCallingBackStillFallsBack() {
    // given
    StreamingChatModel throwing =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            throw new IllegalStateException("bad base URL");
          }
        };
    StreamingChatModel fallback =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            handler.onPartialResponse("fine");
            handler.onCompleteResponse(
                ChatResponse.builder()
                    .aiMessage(AiMessage.from("fine"))
                    .finishReason(FinishReason.STOP)
                    .build());
          }
        };
    ModelChain chain =
        ModelChain.ofLinks(List.of(link("primary", throwing), link("fallback", fallback)))
            .withRetries(RetryPolicy.none());

    // when
    stream(chain);

    // then
    assertThat(errors).isEmpty();
    assertThat(partials).containsExactly("fine");
    assertThat(completed)
        .singleElement()
        .satisfies(r -> assertThat(r.aiMessage().text()).isEqualTo("fine"));
    assertThat(guards.state()).allSatisfy(state -> assertThat(state.inFlight()).isZero());
  }

  @Test
  void anAnswerWithAnUnknownFinishReasonButUsageIsNotTakenForACutStream() {
    // given: TGI ends with finish_reason "eos_token", which LangChain4j maps to none
    AtomicInteger calls = new AtomicInteger();
    StreamingChatModel tgi =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            calls.incrementAndGet();
            handler.onPartialResponse("done");
            handler.onCompleteResponse(
                ChatResponse.builder()
                    .aiMessage(AiMessage.from("done"))
                    .tokenUsage(new TokenUsage(10, 5))
                    .build());
          }
        };
    ModelChain chain = ModelChain.ofLinks(List.of(link("tgi", tgi)));

    // when
    stream(chain);

    // then
    assertThat(completed)
        .singleElement()
        .satisfies(r -> assertThat(r.aiMessage().text()).isEqualTo("done"));
    assertThat(errors).isEmpty();
    assertThat(calls).hasValue(1);
  }
}
