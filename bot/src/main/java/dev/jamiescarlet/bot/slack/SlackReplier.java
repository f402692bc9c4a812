package dev.jamiescarlet.bot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.webhook.WebhookResponse;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.FileUpload;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.tools.redaction.Redactor;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Sends messages through the Slack Web API (or a slash command's response_url), uploading output
 * too big for a message as files beside it.
 */
public final class SlackReplier implements Replier {

  private static final String RESPONSE_URL = "response_url";

  private final MethodsClient methods;
  private final Slack slack;
  private final String token;
  private final BlockKitRenderer renderer;
  private final SlackCalls calls;

  /** Uses {@code slack} for the Web API and response_urls, authenticating with {@code botToken}. */
  public SlackReplier(Slack slack, String botToken, BlockKitRenderer renderer) {
    this(slack.methods(botToken), slack, botToken, renderer, duration -> Thread.sleep(duration));
  }

  /** Uses {@code methods} for the Web API and its HTTP client for response_urls. */
  public SlackReplier(MethodsClient methods, String botToken, BlockKitRenderer renderer) {
    this(
        methods,
        Slack.getInstance(methods.getSlackHttpClient()),
        botToken,
        renderer,
        duration -> Thread.sleep(duration));
  }

  SlackReplier(
      MethodsClient methods,
      Slack slack,
      String botToken,
      BlockKitRenderer renderer,
      SlackCalls.Sleeper sleeper) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.slack = Objects.requireNonNull(slack, "slack");
    this.token = Objects.requireNonNull(botToken, "SLACK_BOT_TOKEN is not set");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.calls = new SlackCalls(sleeper);
  }

  @Override
  public String post(ReplyTarget target, Message message) {
    RenderedMessage rendered = render(message);
    if (target.responseUrl() != null) {
      respond(target, rendered, message.inChannel(), false);
      if (!rendered.files().isEmpty()) {
        upload(fileChannel(target.channel(), target.userId(), message.inChannel()), null, rendered);
      }
      return null;
    }
    String ts =
        calls
            .run(
                "chat.postMessage",
                target.channel(),
                () ->
                    methods.chatPostMessage(
                        r ->
                            r.token(token)
                                .channel(target.channel())
                                .threadTs(target.threadTs())
                                .text(rendered.text())
                                .blocks(rendered.blocks())
                                .unfurlLinks(false)
                                .unfurlMedia(false)))
            .getTs();
    // files go in the reply's thread, so they sit under the summary that mentions them
    upload(target.channel(), target.threadTs() != null ? target.threadTs() : ts, rendered);
    return ts;
  }

  @Override
  public void update(String channel, String ts, Message message) {
    RenderedMessage rendered = render(message);
    calls.run(
        "chat.update",
        channel,
        () ->
            methods.chatUpdate(
                r ->
                    r.token(token)
                        .channel(channel)
                        .ts(ts)
                        .text(rendered.text())
                        .blocks(rendered.blocks())));
    upload(channel, ts, rendered);
  }

  @Override
  public void postEphemeral(String channel, String userId, String threadTs, Message message) {
    RenderedMessage rendered = render(message);
    calls.run(
        "chat.postEphemeral",
        channel,
        () ->
            methods.chatPostEphemeral(
                r ->
                    r.token(token)
                        .channel(channel)
                        .user(userId)
                        .threadTs(threadTs)
                        .text(rendered.text())
                        .blocks(rendered.blocks())));
    if (!rendered.files().isEmpty()) {
      upload(fileChannel(channel, userId, false), null, rendered);
    }
  }

  @Override
  public void replaceOriginal(String responseUrl, String channel, Message message) {
    RenderedMessage rendered = render(message);
    respond(ReplyTarget.responseUrl(channel, responseUrl, null), rendered, true, true);
  }

  // the single exit to Slack: nothing leaves unredacted, whatever a command or tool put in it
  private RenderedMessage render(Message message) {
    return RedactedMessages.redact(renderer.render(message), Redactor.get());
  }

  private void respond(
      ReplyTarget target, RenderedMessage rendered, boolean inChannel, boolean replace) {
    JsonObject payload = new JsonObject();
    payload.addProperty("response_type", inChannel ? "in_channel" : "ephemeral");
    payload.addProperty("replace_original", replace);
    payload.addProperty("text", rendered.text());
    payload.add("blocks", JsonParser.parseString(renderer.blocksJson(rendered.blocks())));
    String json = payload.toString();
    for (int retry = 0; ; retry++) {
      WebhookResponse response;
      try {
        response = slack.send(target.responseUrl(), json);
      } catch (IOException e) {
        throw SlackCalls.failure(RESPONSE_URL, target.channel(), "io_error", null, e);
      }
      int code = response.getCode() == null ? 0 : response.getCode();
      if (code == 200) {
        return;
      }
      if (code == 429) {
        calls.waitOrGiveUp(
            RESPONSE_URL, target.channel(), retry, SlackCalls.retryAfter(response.getHeaders()));
        continue;
      }
      String body = response.getBody() == null ? "" : response.getBody().strip();
      String error = body.matches("[a-z_]{1,40}") ? body : "http_" + code;
      throw SlackCalls.failure(RESPONSE_URL, target.channel(), error, null, null);
    }
  }

  // an ephemeral reply's files go to the user's DM, not the channel everyone reads
  private String fileChannel(String channel, String userId, boolean inChannel) {
    if (inChannel || userId == null) {
      return channel;
    }
    return calls
        .run(
            "conversations.open",
            userId,
            () -> methods.conversationsOpen(r -> r.token(token).users(List.of(userId))))
        .getChannel()
        .getId();
  }

  private void upload(String channel, String threadTs, RenderedMessage rendered) {
    for (FileUpload file : rendered.files()) {
      calls.run(
          "files.uploadV2",
          channel,
          () ->
              methods.filesUploadV2(
                  FilesUploadV2Request.builder()
                      .token(token)
                      .channel(channel)
                      .threadTs(threadTs)
                      .filename(file.filename())
                      .title(file.title())
                      .fileData(file.bytes())
                      .build()));
    }
  }
}
