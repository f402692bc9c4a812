package dev.jamiescarlet.agents.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The GenAI semantic-convention attribute keys the agents' spans use, and the project's own. */
final class GenAi {
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Double> REQUEST_TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
  static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Boolean> FALLBACK = AttributeKey.booleanKey("jamie.model.fallback");
  static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("jamie.retry.attempt");
  static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("jamie.retry.reason");
  static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("jamie.retry.delay_ms");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("jamie.outcome");
  static final AttributeKey<String> TOOL_OUTCOME = AttributeKey.stringKey("jamie.tool.outcome");
  static final AttributeKey<Double> HELPFUL_RATIO =
      AttributeKey.doubleKey("jamie.agent.helpful_ratio_7d");

  private GenAi() {}
}
