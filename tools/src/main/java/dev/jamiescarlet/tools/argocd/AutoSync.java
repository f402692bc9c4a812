package dev.jamiescarlet.tools.argocd;

/** The auto-sync field of an application and the merge patches that turn it on and off. */
final class AutoSync {
  /** The field that holds auto-sync, in the Application resource. */
  static final String FIELD = "spec.syncPolicy.automated";

  /** Merge patch that turns auto-sync off; Argo CD drops the field when it is null. */
  static final String OFF_PATCH = "{\"spec\":{\"syncPolicy\":{\"automated\":null}}}";

  /** Merge patch that turns auto-sync on without prune or self-heal. */
  static final String ON_PATCH =
      "{\"spec\":{\"syncPolicy\":{\"automated\":{\"prune\":false,\"selfHeal\":false}}}}";

  /** One line telling a person how to turn it off. */
  static final String HOW_TO_TURN_OFF =
      "set "
          + FIELD
          + " to null, i.e. PATCH /api/v1/applications/NAME with a merge patch "
          + OFF_PATCH
          + ", or `argocd app set NAME --sync-policy none`";

  private AutoSync() {}
}
