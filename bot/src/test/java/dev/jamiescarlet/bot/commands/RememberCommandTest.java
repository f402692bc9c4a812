package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RememberCommandTest {
  @Test
  void aPasswordSaidInPlainWordsIsRefusedNotStoredNorEchoed() {
    // given a memory that counts every time a command reaches for it
    AtomicInteger reached = new AtomicInteger();
    Supplier<MemoryStore> memory =
        () -> {
          reached.incrementAndGet();
          return null;
        };
    CommandContext context =
        new CommandContext(
            "U0ADA",
            "C0SHOP",
            null,
            null,
            null,
            Commands.standard(),
            Clock.systemUTC(),
            null,
            null);

    // when Ada asks the bot to remember a password
    Message reply =
        new CommandRunner(new Commands(List.of(new RememberCommand(memory, Duration.ofDays(1)))))
            .run("remember the db password is hunter2", context);

    // then it is refused, naming the kind, and neither stored nor echoed
    String text = reply.toString();
    assertThat(text).contains("won't store it").contains("password").doesNotContain("hunter2");
    assertThat(reached).hasValue(0);
  }
}
