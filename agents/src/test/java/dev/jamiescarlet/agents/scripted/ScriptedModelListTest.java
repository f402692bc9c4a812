package dev.jamiescarlet.agents.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.agents.definitions.ModelCatalogue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scripted model lists the catalogue's models as vLLM ({@code /v1/models}) and Ollama do. */
class ScriptedModelListTest {

  private static JsonNode get(ScriptedModelServer server, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void bothModelListsNameEveryCatalogueModel() throws Exception {
    // given
    List<String> catalogue =
        ModelCatalogue.shipped().entries().stream().map(ModelCatalogue.Entry::name).toList();
    try (ScriptedModelServer server = ScriptedModelServer.start(Script.load("plain-answer.yaml"))) {

      // when
      JsonNode openAi = get(server, "/v1/models");
      JsonNode ollama = get(server, "/api/tags");

      // then
      assertThat(openAi.path("object").asText()).isEqualTo("list");
      List<String> ids = new ArrayList<>();
      openAi.path("data").forEach(m -> ids.add(m.path("id").asText()));
      List<String> tags = new ArrayList<>();
      ollama.path("models").forEach(m -> tags.add(m.path("name").asText()));
      assertThat(ids).isEqualTo(catalogue).contains("meta-llama/Llama-3.1-8B-Instruct");
      assertThat(tags).isEqualTo(catalogue).contains("llama3.1:8b");
      assertThat(server.requests()).isEmpty();
    }
  }
}
