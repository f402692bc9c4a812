package dev.jamiescarlet.embeddings.routing;

import java.util.List;

/**
 * Puts intent examples through the same masking as messages: placeholders such as {@code
 * {workload}} become stand-in names in a stand-in catalogue, so an example and a message that
 * differ only in names embed alike.
 */
final class ExampleMasking {
  private static final String HOME = "zzhome";
  private static final EntityCatalog STAND_INS =
      new EntityCatalog() {
        @Override
        public List<String> clusters() {
          return List.of(HOME, "zzcluster");
        }

        @Override
        public List<String> namespaces(String cluster) {
          return List.of("zzns");
        }

        @Override
        public List<Workload> workloads(String cluster) {
          return List.of(
              new Workload("deploy", "zzapp", "zzns"), new Workload("cronjob", "zzjob", "zzns"));
        }

        @Override
        public List<String> nodes(String cluster) {
          return List.of("zznode");
        }
      };

  private ExampleMasking() {}

  static String mask(EntityExtractor extractor, String example) {
    String text =
        example
            .replace("{workload}", "zzapp")
            .replace("{cronjob}", "zzjob")
            .replace("{namespace}", "zzns")
            .replace("{cluster}", "zzcluster")
            .replace("{node}", "zznode")
            .replace("{pod}", "zzapp-7f9c6d5b8d-x2v7k");
    return extractor.extract(text, STAND_INS, HOME).masked();
  }
}
