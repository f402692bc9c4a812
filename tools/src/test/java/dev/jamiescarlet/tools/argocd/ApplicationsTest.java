package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ApplicationsTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode app(String text) throws Exception {
    return json.readTree(text.replace('\'', '"'));
  }

  @Test
  void aQueuedOperationIsRunningEvenThoughTheLastOneSucceeded() throws Exception {
    // given the answer to POST /sync: the new operation, and the previous operation's state
    JsonNode answer =
        app(
            "{'metadata':{'name':'checkout'},'operation':{'sync':{'revision':'abc'}},"
                + "'status':{'operationState':{'operation':{'sync':{'revision':'old'}},"
                + "'phase':'Succeeded','message':'successfully synced (all tasks run)'}}}");

    // when
    OperationResult result = Applications.operation(answer, "sync", false, false, "abc");

    // then
    assertThat(result.phase()).isEqualTo("Running");
    assertThat(result.message()).isEqualTo("operation started");
    assertThat(result.resources()).isEmpty();
  }

  @Test
  void aMultiSourceAppReadsItsFirstSourceAndRevisions() throws Exception {
    // given
    JsonNode multi =
        app(
            "{'metadata':{'name':'web'},'spec':{'project':'default','destination':"
                + "{'server':'https://10.0.0.1:6443','namespace':'web'},'sources':["
                + "{'repoURL':'https://charts.example','chart':'web','targetRevision':'1.2.0'},"
                + "{'repoURL':'https://git.example/values.git','ref':'values'}]},"
                + "'status':{'sync':{'status':'Synced','revisions':['1.2.0','d00d']},"
                + "'history':[{'id':0,'revisions':['1.1.0','beef'],'deployedAt':'not a time',"
                + "'sources':[{'repoURL':'https://charts.example','chart':'web','targetRevision':'1.1.0'}]}]}}");

    // when
    AppSummary summary = Applications.summary(multi);
    HistoryEntry first = Applications.history(multi).get(0);

    // then
    assertThat(summary)
        .isEqualTo(
            new AppSummary(
                "web",
                "default",
                "web",
                "https://10.0.0.1:6443",
                "https://charts.example",
                "web",
                "1.2.0",
                "Synced",
                "Unknown",
                "1.2.0",
                false));
    assertThat(first)
        .isEqualTo(
            new HistoryEntry(
                0, "1.1.0", null, new AppSource("https://charts.example", "web", "1.1.0")));
  }

  @Test
  void autoSyncIsTheAutomatedFieldUnlessArgoCd3DisabledIt() throws Exception {
    // when / then
    assertThat(Applications.autoSync(app("{'spec':{'syncPolicy':{'automated':{}}}}"))).isTrue();
    assertThat(
            Applications.autoSync(app("{'spec':{'syncPolicy':{'automated':{'enabled':false}}}}")))
        .isFalse();
    assertThat(Applications.autoSync(app("{'spec':{'syncPolicy':{}}}"))).isFalse();
    assertThat(Applications.detail(app("{'metadata':{'name':'x'}}")).operation()).isNull();
  }
}
