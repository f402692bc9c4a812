package dev.jamiescarlet.embeddings.memory;

/** One result of one search path: a memory id and that path's score, best first in a list. */
record Ranked(String id, double score) {}
