package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers requests with a {@link Script}'s steps in order, checking each step's expectation. */
final class Sequence implements Responder {
  private final Deque<Step> steps;
  private final List<String> failures = new CopyOnWriteArrayList<>();

  Sequence(List<Step> steps) {
    this.steps = new ArrayDeque<>(steps);
  }

  @Override
  public Reply answer(JsonNode body) {
    Step step;
    synchronized (steps) {
      step = steps.pollFirst();
    }
    if (step == null) {
      failures.add("request beyond the end of the script: " + body);
      return null;
    }
    if (!step.expectation().test(body)) {
      failures.add("expected " + step.description() + " but got " + Messages.last(body));
    }
    return step.reply();
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>(failures);
    synchronized (steps) {
      steps.forEach(step -> problems.add("step never requested: " + step.description()));
    }
    return problems;
  }
}
