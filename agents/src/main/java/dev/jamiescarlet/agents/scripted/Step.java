package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/**
 * One turn of a script: what the next request must look like and what the server answers.
 *
 * @param description shown when the expectation fails
 * @param expectation checked against the parsed request body
 * @param reply the answer
 */
public record Step(String description, Predicate<JsonNode> expectation, Reply reply) {

  /** A step that accepts any request. */
  public static Step reply(Reply reply) {
    return new Step("any request", body -> true, reply);
  }

  /** A step whose request's last message has the given role and contains the given text. */
  public static Step whenLast(String role, String contains, Reply reply) {
    return new Step(
        "last message is " + role + " containing '" + contains + "'",
        body -> {
          JsonNode last = Messages.last(body);
          return role.equals(last.path("role").asText()) && Messages.text(last).contains(contains);
        },
        reply);
  }
}
