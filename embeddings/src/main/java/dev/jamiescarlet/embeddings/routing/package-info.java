/**
 * A semantic intent router: plain English to one of the bot's command lines, by nearest example
 * utterances (sentence embeddings) plus entities resolved against the cluster, without an LLM.
 */
package dev.jamiescarlet.embeddings.routing;
