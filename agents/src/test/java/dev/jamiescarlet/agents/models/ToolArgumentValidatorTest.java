package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolArgumentValidatorTest {

  static final ToolSpecification SCALE =
      ToolSpecification.builder()
          .name("scale_deployment")
          .description("Scales a deployment")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("namespace")
                  .addIntegerProperty("replicas")
                  .addNumberProperty("factor")
                  .addBooleanProperty("dryRun")
                  .addEnumProperty("cluster", List.of("prod", "staging"))
                  .addProperty(
                      "labels",
                      JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build())
                  .addProperty(
                      "owner",
                      JsonObjectSchema.builder().addStringProperty("team").required("team").build())
                  .required("namespace", "replicas")
                  .build())
          .build();

  static final ToolSpecification PING = ToolSpecification.builder().name("ping").build();

  private static List<String> problems(String name, String arguments) {
    return ToolArgumentValidator.problems(
        List.of(SCALE, PING),
        ToolExecutionRequest.builder().id("c1").name(name).arguments(arguments).build());
  }

  @Test
  void validCallHasNoProblems() {
    // given / when
    List<String> problems =
        problems(
            "scale_deployment",
            """
            {"namespace":"shop","replicas":3,"factor":1.5,"dryRun":true,"cluster":"prod",
             "labels":["a","b"],"owner":{"team":"web"}}""");

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  void toolWithoutParametersAcceptsEmptyArguments() {
    assertThat(problems("ping", "")).isEmpty();
    assertThat(problems("ping", "{}")).isEmpty();
  }

  @Test
  void unknownToolNamesTheRealOnes() {
    assertThat(problems("delete_cluster", "{}"))
        .containsExactly(
            "there is no tool named 'delete_cluster'; the tools are: scale_deployment, ping");
  }

  @Test
  void argumentsThatAreNotJsonOrNotAnObjectAreReported() {
    assertThat(problems("scale_deployment", "{namespace: shop"))
        .singleElement()
        .asString()
        .startsWith("the arguments are not valid JSON");
    assertThat(problems("scale_deployment", "[1,2]"))
        .containsExactly("the arguments must be a JSON object, got: [1,2]");
  }

  @Test
  void missingRequiredAndWrongTypesAreEachReported() {
    // given / when
    List<String> problems =
        problems(
            "scale_deployment",
            """
            {"replicas":"three","factor":"x","dryRun":"yes","cluster":"dev",
             "labels":"a","owner":{}}""");

    // then
    assertThat(problems)
        .contains(
            "required property 'namespace' is missing",
            "property 'replicas' must be an integer, got \"three\"",
            "property 'factor' must be a number, got \"x\"",
            "property 'dryRun' must be true or false, got \"yes\"",
            "property 'cluster' must be one of prod, staging, got \"dev\"",
            "property 'labels' must be an array, got \"a\"",
            "required property 'owner.team' is missing");
  }

  @Test
  void arrayItemsAndNestedObjectsAreChecked() {
    assertThat(
            problems(
                "scale_deployment",
                "{\"namespace\":1,\"replicas\":2.5,\"labels\":[\"a\",3],\"owner\":\"web\"}"))
        .containsExactlyInAnyOrder(
            "property 'namespace' must be a string, got 1",
            "property 'replicas' must be an integer, got 2.5",
            "property 'labels[1]' must be a string, got 3",
            "property 'owner' must be an object, got \"web\"");
  }
}
