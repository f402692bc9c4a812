package dev.jamiescarlet.bot.sandbox;

import dev.jamiescarlet.bot.sandbox.delivery.SocketDelivery;
import dev.jamiescarlet.bot.sandbox.state.FileStore;
import dev.jamiescarlet.bot.sandbox.state.ResponseUrls;
import dev.jamiescarlet.bot.sandbox.state.ViewStore;
import dev.jamiescarlet.bot.sandbox.state.Workspace;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the sandbox's parts share: configuration, state and the Socket Mode endpoint.
 *
 * @param config the sandbox settings
 * @param workspace channels, users and messages
 * @param views Home tabs, modals and triggers
 * @param files uploaded files
 * @param responses response_url targets
 * @param socket Socket Mode connections (tickets are issued even in HTTP mode)
 * @param baseUrl the sandbox's base URL, known once the server listens
 * @param clock the time source
 */
public record SandboxServices(
    SandboxConfig config,
    Workspace workspace,
    ViewStore views,
    FileStore files,
    ResponseUrls responses,
    SocketDelivery socket,
    Supplier<String> baseUrl,
    Clock clock) {}
