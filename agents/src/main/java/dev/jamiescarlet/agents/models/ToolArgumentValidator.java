package dev.jamiescarlet.agents.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a model's tool call against the tools it was offered: known name, JSON object arguments,
 * required properties present, and each property of the declared type.
 */
public final class ToolArgumentValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolArgumentValidator() {}

  /** What is wrong with the call, one readable sentence each; empty when it is valid. */
  public static List<String> problems(List<ToolSpecification> tools, ToolExecutionRequest request) {
    ToolSpecification tool =
        tools.stream().filter(t -> t.name().equals(request.name())).findFirst().orElse(null);
    if (tool == null) {
      return List.of(
          "there is no tool named '"
              + request.name()
              + "'; the tools are: "
              + String.join(", ", tools.stream().map(ToolSpecification::name).toList()));
    }
    String arguments = request.arguments();
    if (arguments == null || arguments.isBlank()) {
      arguments = "{}";
    }
    JsonNode node;
    try {
      node = JSON.readTree(arguments);
    } catch (JsonProcessingException e) {
      return List.of("the arguments are not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return List.of("the arguments must be a JSON object, got: " + abbreviate(arguments));
    }
    List<String> problems = new ArrayList<>();
    JsonObjectSchema schema = tool.parameters();
    if (schema != null) {
      checkObject("", schema, node, problems);
    }
    return problems;
  }

  private static void checkObject(
      String path, JsonObjectSchema schema, JsonNode node, List<String> problems) {
    Map<String, JsonSchemaElement> properties =
        schema.properties() == null ? Map.of() : schema.properties();
    List<String> required = schema.required() == null ? List.of() : schema.required();
    for (String name : required) {
      if (!node.has(name) || node.get(name).isNull()) {
        problems.add("required property '" + path + name + "' is missing");
      }
    }
    properties.forEach(
        (name, element) -> {
          JsonNode value = node.get(name);
          if (value != null && !value.isNull()) {
            check(path + name, element, value, problems);
          }
        });
  }

  private static void check(
      String path, JsonSchemaElement element, JsonNode value, List<String> problems) {
    switch (element) {
      case JsonStringSchema s -> expect(value.isTextual(), path, "a string", value, problems);
      case JsonIntegerSchema i ->
          expect(value.isIntegralNumber(), path, "an integer", value, problems);
      case JsonNumberSchema n -> expect(value.isNumber(), path, "a number", value, problems);
      case JsonBooleanSchema b -> expect(value.isBoolean(), path, "true or false", value, problems);
      case JsonEnumSchema e -> {
        if (!value.isTextual() || !e.enumValues().contains(value.asText())) {
          problems.add(
              "property '"
                  + path
                  + "' must be one of "
                  + String.join(", ", e.enumValues())
                  + ", got "
                  + abbreviate(value.toString()));
        }
      }
      case JsonArraySchema a -> {
        if (expect(value.isArray(), path, "an array", value, problems) && a.items() != null) {
          for (int i = 0; i < value.size(); i++) {
            check(path + "[" + i + "]", a.items(), value.get(i), problems);
          }
        }
      }
      case JsonObjectSchema o -> {
        if (expect(value.isObject(), path, "an object", value, problems)) {
          checkObject(path + ".", o, value, problems);
        }
      }
      case JsonAnyOfSchema any -> {
        boolean matches =
            any.anyOf().stream()
                .anyMatch(
                    option -> {
                      List<String> none = new ArrayList<>();
                      check(path, option, value, none);
                      return none.isEmpty();
                    });
        expect(matches, path, "one of the allowed shapes", value, problems);
      }
      default -> {
        // references, raw and null schemas are not checked: the tool itself reports those
      }
    }
  }

  private static boolean expect(
      boolean ok, String path, String what, JsonNode value, List<String> problems) {
    if (!ok) {
      problems.add(
          "property '" + path + "' must be " + what + ", got " + abbreviate(value.toString()));
    }
    return ok;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
