package dev.jamiescarlet.tools.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class LocalMonitoringTest {

  @Test
  void findsTheFirstExecutableNameOnThePath(@TempDir Path dir) throws Exception {
    // given an executable `alertmanager` in the second PATH entry and a non-executable one in the
    // first
    Path first = Files.createDirectories(dir.resolve("a"));
    Path second = Files.createDirectories(dir.resolve("b"));
    Files.writeString(first.resolve("alertmanager"), "");
    Path executable = Files.writeString(second.resolve("alertmanager"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = first + File.pathSeparator + File.pathSeparator + second;

    // when / then
    assertThat(LocalMonitoring.find(path, "prometheus-alertmanager", "alertmanager"))
        .contains(executable);
    assertThat(LocalMonitoring.find(path, "prometheus")).isEmpty();
    assertThat(LocalMonitoring.find(null, "prometheus")).isEmpty();
  }

  @Test
  void aMissingBinarySkipsTheTestUnlessMonitoringIsRequired(@TempDir Path empty) {
    // given a PATH without the binaries
    String path = empty.toString();

    // when / then: skipped by default, a failure naming the packages when required
    assertThatThrownBy(() -> LocalMonitoring.binary(path, false, "prometheus"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("apt-get install prometheus prometheus-alertmanager")
        .hasMessageContaining("JAMIE_REQUIRE_MONITORING=1");
    assertThatThrownBy(() -> LocalMonitoring.binary(path, true, "prometheus"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No prometheus binary on the PATH")
        .hasMessageContaining("apt-get install prometheus prometheus-alertmanager");
  }
}
