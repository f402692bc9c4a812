package dev.jamiescarlet.tools.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(Set.of(LocalMonitoring.INSTALL_HINT))
        .containsExactly("apt-get install prometheus prometheus-alertmanager");
  }
}
