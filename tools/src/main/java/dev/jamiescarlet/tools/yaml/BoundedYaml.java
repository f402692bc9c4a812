package dev.jamiescarlet.tools.yaml;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML reader for files people write (policy, agent definitions), with its limits spelled out
 * rather than left to library defaults: Jackson's streaming YAML parser never expands aliases (no
 * billion laughs), and depth (64), size (1 Mi code points) and aliases (50) are capped so a hostile
 * file fails fast.
 */
public final class BoundedYaml {
  /** How deep a document may nest. */
  public static final int MAX_DEPTH = 64;

  private BoundedYaml() {}

  /** A new mapper with the limits. */
  public static YAMLMapper mapper() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(1 << 20);
    return new YAMLMapper(
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());
  }
}
