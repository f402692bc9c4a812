package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Decides what the scripted model server answers to one request body. */
public interface Responder {

  /** The reply to a request, or null when there is none (answered with a 500). */
  Reply answer(JsonNode body);

  /** Mismatches and leftovers worth failing a test over; empty when all went to plan. */
  List<String> problems();
}
