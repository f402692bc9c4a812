package dev.jamiescarlet.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeUrlsTest {

  @Test
  void userinfoIsDroppedFromEveryKindOfUrl() {
    // given URLs with a password, a bare user (a token as user name) and several hosts
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("mongodb://u:p@h/db", "mongodb://h/db");
    cases.put(
        "mongodb+srv://jamie:s3cr3t@cluster0.example.net/jamie",
        "mongodb+srv://cluster0.example.net/jamie");
    cases.put("mongodb://u:p@h1:27017,h2:27017/db", "mongodb://h1:27017,h2:27017/db");
    cases.put("https://ghp_abc123@git.example/repo.git", "https://git.example/repo.git");
    cases.put("http://user:p@ss@vllm:8000/v1", "http://vllm:8000/v1");
    cases.put("https://u:p@grafana.example", "https://grafana.example");
    cases.put("mongodb://jamie:it's(ok)@h/db", "mongodb://h/db");
    cases.put("'http://u:p@h'", "'http://h'");

    // when / then
    cases.forEach((url, safe) -> assertThat(SafeUrls.strip(url)).as(url).isEqualTo(safe));
  }

  @Test
  void secretQueryAndFragmentValuesAreMaskedAndOthersKept() {
    assertThat(SafeUrls.strip("http://prom:9090/api?query=up&access_token=abc&step=15"))
        .isEqualTo("http://prom:9090/api?query=up&access_token=REDACTED&step=15");
    assertThat(SafeUrls.strip("mongodb://h/db?replicaSet=rs0&password=x;ssl=true"))
        .isEqualTo("mongodb://h/db?replicaSet=rs0&password=REDACTED;ssl=true");
    assertThat(SafeUrls.strip("https://s3.example/b/o?X-Amz-Signature=f00&X-Amz-Credential=AK"))
        .isEqualTo("https://s3.example/b/o?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED");
    assertThat(SafeUrls.strip("https://app.example/cb#access_token=t0k&state=1"))
        .isEqualTo("https://app.example/cb#access_token=REDACTED&state=1");
    assertThat(SafeUrls.strip("https://u:p@h?apikey=k")).isEqualTo("https://h?apikey=REDACTED");
  }

  @Test
  void urlsInsideTextAreFoundAndTheRestIsKept() {
    // given an error message quoting two URLs, one in backticks, one in parentheses
    String text =
        "HTTP 401 from `https://admin:hunter2@argocd.example/api/version?token=t`: check"
            + " JAMIE_ARGOCD_URL (http://bob:pw@prom:9090/) and retry";

    // when
    String safe = SafeUrls.strip(text);

    // then
    assertThat(safe)
        .isEqualTo(
            "HTTP 401 from `https://argocd.example/api/version?token=REDACTED`: check"
                + " JAMIE_ARGOCD_URL (http://prom:9090/) and retry")
        .doesNotContain("hunter2", "admin", "bob", "pw@");
  }

  @Test
  void parenthesesInAQueryAreKeptInsideTheUrlAndOnesAroundItAreNot() {
    assertThat(SafeUrls.strip("(see http://prom:9090/api?query=rate(x[5m])&access_token=abc)"))
        .isEqualTo("(see http://prom:9090/api?query=rate(x[5m])&access_token=REDACTED)");
    assertThat(SafeUrls.strip("http://[::1]:9090/api?query=up&token=t"))
        .isEqualTo("http://[::1]:9090/api?query=up&token=REDACTED");
    assertThat(SafeUrls.strip("http://u:p@[::1]:9090/")).isEqualTo("http://[::1]:9090/");
  }

  @Test
  void aUrlNestedInAQueryIsMadeSafeToo() {
    assertThat(SafeUrls.strip("https://sso.example/login?next=http://u:p@h/x?session=s&q=1"))
        .isEqualTo("https://sso.example/login?next=http://h/x?session=REDACTED&q=1");
  }

  @Test
  void textWithoutSecretsIsReturnedAsItWas() {
    assertThat(SafeUrls.strip(null)).isNull();
    assertThat(SafeUrls.strip("")).isEmpty();
    assertThat(SafeUrls.strip("connection refused by vllm:8000"))
        .isEqualTo("connection refused by vllm:8000");
    assertThat(SafeUrls.strip("v1.31.0 at https://10.0.0.1:6443/"))
        .isEqualTo("v1.31.0 at https://10.0.0.1:6443/");
    assertThat(SafeUrls.strip("model:llama@vllm:8000 · http://vllm:8000/v1?x=1"))
        .isEqualTo("model:llama@vllm:8000 · http://vllm:8000/v1?x=1");
    assertThat(SafeUrls.strip("odd :// and http://")).isEqualTo("odd :// and http://");
    assertThat(SafeUrls.strip("http://h/?token=&a")).isEqualTo("http://h/?token=&a");
  }

  @Test
  void aLongHostileInputIsHandledInOnePass() {
    // given many separators and at-signs with no end of authority
    String hostile = "http://".repeat(20_000) + "@".repeat(20_000);

    // when
    String safe = SafeUrls.strip(hostile);

    // then every at-sign went with the userinfo it ended
    assertThat(safe.indexOf('@')).isEqualTo(-1);
    assertThat(SafeUrls.strip("x http://http://u:p@h/")).isEqualTo("x http://http://h/");
  }
}
