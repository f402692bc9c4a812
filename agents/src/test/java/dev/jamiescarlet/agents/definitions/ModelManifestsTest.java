package dev.jamiescarlet.agents.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GPU serving manifests parse as Kubernetes objects and agree with the catalogue. */
class ModelManifestsTest {
  private static final Path MODELS = Path.of("..", "models");

  private static List<HasMetadata> objects(String manifest) throws IOException {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : Files.readString(MODELS.resolve(manifest)).split("(?m)^---\\s*$")) {
      if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
        Object o = Serialization.unmarshal(doc);
        if (o instanceof KubernetesList l) {
          out.addAll(l.getItems());
        } else {
          out.add((HasMetadata) o);
        }
      }
    }
    return out;
  }

  private static <T> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.getFirst();
  }

  @Test
  void everyCatalogueEntryHasAGpuManifestThatServesItReadyOnlyWhenLoaded() throws IOException {
    for (ModelCatalogue.Entry e : ModelCatalogue.shipped().entries()) {
      List<HasMetadata> objects = objects(e.manifest());
      Deployment d = only(objects, Deployment.class);
      var pod = d.getSpec().getTemplate().getSpec();
      Container c = pod.getContainers().getFirst();

      // GPUs as the catalogue says, on GPU nodes, tolerating their taint
      assertThat(c.getResources().getLimits())
          .containsEntry("nvidia.com/gpu", new Quantity(String.valueOf(e.gpus())));
      assertThat(pod.getNodeSelector()).containsKey("nvidia.com/gpu.present");
      assertThat(pod.getTolerations()).anyMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
      // a model cache on a claim that exists in the same file; never two pods on it
      PersistentVolumeClaim claim = only(objects, PersistentVolumeClaim.class);
      assertThat(pod.getVolumes())
          .anyMatch(
              v ->
                  v.getPersistentVolumeClaim() != null
                      && v.getPersistentVolumeClaim()
                          .getClaimName()
                          .equals(claim.getMetadata().getName()));
      assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(c.getReadinessProbe()).as(e.name() + " readiness").isNotNull();
      assertThat(only(objects, Service.class).getSpec().getSelector())
          .isEqualTo(d.getSpec().getSelector().getMatchLabels());

      if (e.server().equals("vllm")) {
        // the flags Llama 3.1 needs for native tool calls, the served name the agents ask for
        assertThat(c.getArgs())
            .contains(
                "--model=" + e.name(),
                "--served-model-name=" + e.name(),
                "--max-model-len=" + e.servedContextLength(),
                "--enable-auto-tool-choice",
                "--tool-call-parser=llama3_json")
            .anyMatch(a -> a.startsWith("--chat-template=") && a.contains("llama3.1_json"));
        if (e.gpus() > 1) {
          assertThat(c.getArgs()).contains("--tensor-parallel-size=" + e.gpus());
        }
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
      } else {
        // Ollama is ready once the model is pulled
        assertThat(c.getReadinessProbe().getExec().getCommand())
            .containsExactly("ollama", "show", e.name());
        assertThat(c.getEnv())
            .anyMatch(
                v ->
                    v.getName().equals("OLLAMA_CONTEXT_LENGTH")
                        && v.getValue().equals(String.valueOf(e.servedContextLength())));
      }
    }
  }

  @Test
  void theCatalogueFitsItsGpus() {
    for (ModelCatalogue.Entry e : ModelCatalogue.shipped().entries()) {
      // the sizes the README explains: never more VRAM than 80 GB per GPU
      assertThat(e.vramGiB()).as(e.name()).isLessThanOrEqualTo(80 * e.gpus());
      assertThat(e.servedContextLength()).isLessThanOrEqualTo(e.contextLength());
      assertThat(Files.exists(MODELS.resolve(e.manifest()))).as(e.manifest()).isTrue();
    }
  }
}
