package dev.jamiescarlet.agents.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tool calling for endpoints that reject native tools: the request goes without tools but with a
 * JSON-schema response format and an instruction listing the tools, and the JSON reply is turned
 * back into a tool call or a text answer.
 */
final class SchemaToolMode {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NONE = "none";
  private static final String INSTRUCTION = load("tool-schema-instruction.md");

  private SchemaToolMode() {}

  /** Whether the failure is an endpoint saying it cannot do native tool calling (HTTP 400). */
  static boolean rejectsTools(Throwable failure) {
    boolean badRequest = false;
    boolean mentionsTools = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.statusCode() == 400) {
        badRequest = true;
      }
      if (t instanceof dev.langchain4j.exception.InvalidRequestException) {
        badRequest = true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      mentionsTools |= message.contains("tool");
    }
    return badRequest && mentionsTools;
  }

  /** The same conversation without native tools, asking for the schema's JSON instead. */
  static ChatRequest request(ChatRequest original) {
    List<ToolSpecification> tools = original.toolSpecifications();
    List<ChatMessage> messages = new ArrayList<>();
    for (ChatMessage message : original.messages()) {
      messages.add(flatten(message));
    }
    StringBuilder listing = new StringBuilder();
    tools.forEach(tool -> listing.append("- ").append(tool.toJson()).append('\n'));
    messages.add(UserMessage.from(INSTRUCTION.replace("{{tools}}", listing.toString().strip())));
    List<String> names = new ArrayList<>(tools.stream().map(ToolSpecification::name).toList());
    names.add(NONE);
    JsonObjectSchema root =
        JsonObjectSchema.builder()
            .addProperty("tool", JsonEnumSchema.builder().enumValues(names).build())
            .addProperty("arguments", JsonObjectSchema.builder().build())
            .addProperty("answer", JsonStringSchema.builder().build())
            .required("tool", "arguments", "answer")
            .build();
    ResponseFormat format =
        ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("tool_or_answer").rootElement(root).build())
            .build();
    return ChatRequest.builder()
        .messages(messages)
        .modelName(original.modelName())
        .temperature(original.temperature())
        .maxOutputTokens(original.maxOutputTokens())
        .responseFormat(format)
        .build();
  }

  /** The schema reply as a tool call to one of the tools, or as a plain answer. */
  static ChatResponse response(ChatResponse reply, List<ToolSpecification> tools) {
    String text = reply.aiMessage().text();
    JsonNode node = TextToolCalls.json(text).orElse(null);
    if (node == null || !node.isObject()) {
      return reply;
    }
    String tool = node.path("tool").asText(NONE);
    boolean known = tools.stream().anyMatch(t -> t.name().equals(tool));
    if (!known) {
      return reply.toBuilder().aiMessage(AiMessage.from(node.path("answer").asText(text))).build();
    }
    return TextToolCalls.asToolCall(
        reply,
        ToolExecutionRequest.builder()
            .id(TextToolCalls.newId())
            .name(tool)
            .arguments(TextToolCalls.argumentsText(node.get("arguments")))
            .build());
  }

  /** Tool turns in the history rewritten as text, since the endpoint has no tool roles. */
  private static ChatMessage flatten(ChatMessage message) {
    if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
      List<String> calls = new ArrayList<>();
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        ObjectNode json = JSON.createObjectNode().put("tool", call.name());
        json.set("arguments", TextToolCalls.json(call.arguments()).orElse(JSON.createObjectNode()));
        json.put("answer", "");
        calls.add(json.toString());
      }
      return AiMessage.from(String.join("\n", calls));
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return UserMessage.from("Result of tool " + result.toolName() + ":\n" + result.text());
    }
    return message;
  }

  private static String load(String name) {
    try (InputStream in = SchemaToolMode.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to SchemaToolMode");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
