package dev.jamiescarlet.tools.argocd;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request to the Argo CD API and the RBAC permission it needs, so a failure can say which.
 *
 * @param method GET, POST or PATCH
 * @param path the path below the base URL, with its query string
 * @param body the JSON body, or null
 * @param action the Argo CD RBAC action, e.g. {@code get} or {@code sync}
 * @param app the application name, or null for the list
 */
record ArgoCdCall(String method, String path, JsonNode body, String action, String app) {

  static ArgoCdCall get(String path, String action, String app) {
    return new ArgoCdCall("GET", path, null, action, app);
  }

  /** How the call reads in an error message, e.g. "sync `catalog`". */
  String describe() {
    return app == null ? action + " applications" : action + " `" + app + "`";
  }
}
