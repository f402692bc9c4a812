/**
 * A local Slack for the demo and end-to-end tests: {@link
 * dev.jamiescarlet.bot.sandbox.SlackSandbox} serves the Web API at {@code /api/}, Socket Mode at
 * {@code /socket} (or signed HTTP delivery to the bot's request URL), the JSON API at {@code
 * /sandbox/api/} and the web console at {@code /}. Point Bolt at it with {@code
 * SlackConfig.setMethodsEndpointUrlPrefix(sandbox.apiUrl())}; drive it with {@link
 * dev.jamiescarlet.bot.sandbox.SandboxClient}. Nothing on the production path uses it.
 */
package dev.jamiescarlet.bot.sandbox;
