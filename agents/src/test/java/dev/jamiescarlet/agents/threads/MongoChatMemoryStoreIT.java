package dev.jamiescarlet.agents.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.mongo.MutableClock;
import dev.jamiescarlet.agents.mongo.Unreachable;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoChatMemoryStoreIT {
  private static final String THREAD = "jamie:C123:1700000000.0001";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

  @TempDir Path dir;

  @Test
  void aThreadSurvivesARestart() {
    // given a thread with a tool round trip and a summary, written by one server
    Path file = dir.resolve("jamie.mv");
    ToolExecutionRequest call =
        ToolExecutionRequest.builder()
            .id("c1")
            .name("get_pods")
            .arguments("{\"ns\":\"shop\"}")
            .build();
    try (EmbeddedMongo mongo = EmbeddedMongo.on(file)) {
      ChatMemory memory =
          new ThreadMemories(new MongoChatMemoryStore(mongo.db(), clock))
              .forThread("jamie", "C123", "1700000000.0001", 4, 4, Summariser.truncating(500));
      memory.add(SystemMessage.from("You are Jamie."));
      memory.add(UserMessage.from("is shop healthy?"));
      memory.add(AiMessage.from("Yes."));
      memory.add(UserMessage.from("and checkout?"));
      memory.add(AiMessage.from(call));
      memory.add(ToolExecutionResultMessage.from(call, "checkout-1 Running"));
      memory.add(AiMessage.from("Running."));
    }

    // when a new server opens the same file
    try (EmbeddedMongo mongo = EmbeddedMongo.on(file)) {
      ChatMemory memory =
          new ThreadMemories(new MongoChatMemoryStore(mongo.db(), clock))
              .forThread("jamie", "C123", "1700000000.0001", 4, 4, Summariser.truncating(500));

      // then the summary and the recent turn come back as they were
      assertThat(memory.id()).isEqualTo(THREAD);
      assertThat(memory.messages())
          .containsExactly(
              SystemMessage.from("You are Jamie."),
              UserMessage.from(ThreadMemory.SUMMARY_PREFIX + "Q: is shop healthy?\nA: Yes."),
              AiMessage.from(ThreadMemory.SUMMARY_ACK),
              UserMessage.from("and checkout?"),
              AiMessage.from(call),
              ToolExecutionResultMessage.from(call, "checkout-1 Running"),
              AiMessage.from("Running."));
    }
  }

  @Test
  void threadsExpireThirtyDaysAfterTheirLastUpdate() {
    try (EmbeddedMongo mongo = EmbeddedMongo.on(dir.resolve("jamie.mv"))) {
      // given two threads, one touched later
      MongoChatMemoryStore store = new MongoChatMemoryStore(mongo.db(), clock);
      List<ChatMessage> hi = List.of(UserMessage.from("hi"));
      store.updateMessages("old", hi);
      clock.advance(Duration.ofDays(10));
      store.updateMessages("recent", hi);

      // when 30 days pass after the first
      clock.advance(Duration.ofDays(20));

      // then the first reads as empty and is purged; the other stays
      assertThat(store.getMessages("old")).isEmpty();
      assertThat(store.getMessages("recent")).isEqualTo(hi);
      assertThat(store.purgeExpired()).isEqualTo(1);
      assertThat(store.purgeExpired()).isZero();
      assertThat(store.getMessages("recent")).isEqualTo(hi);

      store.deleteMessages("recent");
      assertThat(store.getMessages("recent")).isEmpty();
    }
  }

  @Test
  void aRetentionMustBePositive() {
    try (EmbeddedMongo mongo = EmbeddedMongo.on(dir.resolve("jamie.mv"))) {
      assertThatThrownBy(() -> new MongoChatMemoryStore(mongo.db(), clock, Duration.ZERO))
          .hasMessageContaining("retention must be positive");
    }
  }

  @Test
  void anUnreachableDatabaseNamesTheSettingToCheck() {
    try (MongoClient client = Unreachable.client()) {
      assertThatThrownBy(() -> new MongoChatMemoryStore(client.getDatabase("jamie"), clock))
          .isInstanceOf(ThreadStoreException.class)
          .hasMessageContaining("check MONGODB_URI");
    }
  }
}
