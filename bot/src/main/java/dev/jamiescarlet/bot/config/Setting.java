package dev.jamiescarlet.bot.config;

/**
 * One environment variable the bot reads.
 *
 * @param name the variable
 * @param defaultValue the default, or null when there is none
 * @param meaning one line for --help and the README table
 * @param secret whether the value must never be printed
 */
public record Setting(String name, String defaultValue, String meaning, boolean secret) {}
