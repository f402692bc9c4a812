package dev.jamiescarlet.agents.bench;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What one retry costs (a program, not a test): a streamed answer over the real LangChain4j OpenAI
 * client and the scripted server on loopback, clean, after one 500, and after a stream cut
 * mid-answer, with the standard retry policy sleeping for real. Prints the median and p90 per case;
 * the difference to "clean" is the retry's extra latency (mostly its jittered backoff).
 *
 * <p>Args: [runs] (default 20).
 */
public final class RetryLatencyBenchmark {

  private static final Reply.Text ANSWER = Reply.Text.of("All pods in shop are running fine now.");

  private RetryLatencyBenchmark() {}

  /** Runs each case {@code runs} times and prints the figures. */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    report("clean", runs, () -> Script.of(Step.reply(ANSWER)));
    report(
        "one 500",
        runs,
        () -> Script.of(Step.reply(new Reply.Status(500, "boom")), Step.reply(ANSWER)));
    report(
        "cut after 2 chunks",
        runs,
        () -> Script.of(Step.reply(new Reply.Cut(ANSWER, 2)), Step.reply(ANSWER)));
  }

  private static void report(String name, int runs, java.util.function.Supplier<Script> script)
      throws Exception {
    long[] millis = new long[runs];
    for (int i = -3; i < runs; i++) {
      try (ScriptedModelServer server = ScriptedModelServer.start(script.get())) {
        ModelChoice choice =
            new ModelChoice(
                Provider.OPENAI,
                server.baseUrl() + "/v1",
                "bench",
                null,
                Duration.ofSeconds(10),
                null);
        ModelGuards guards = new ModelGuards(Clock.systemUTC(), 3, Duration.ofSeconds(30), 4);
        ModelChain chain = ModelChain.of(List.of(choice), guards, Map.of());
        long start = System.nanoTime();
        stream(chain).get(30, TimeUnit.SECONDS);
        if (i >= 0) {
          millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
      }
    }
    Arrays.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "%-20s median %4d ms   p90 %4d ms   (%d runs)%n",
        name,
        millis[runs / 2],
        millis[(int) Math.min(runs - 1, Math.round(runs * 0.9))],
        runs);
  }

  private static CompletableFuture<ChatResponse> stream(ModelChain chain) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    chain
        .streaming()
        .chat(
            ChatRequest.builder().messages(UserMessage.from("status?")).build(),
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(String partial) {}

              @Override
              public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
              }

              @Override
              public void onError(Throwable error) {
                done.completeExceptionally(error);
              }
            });
    return done;
  }
}
