package dev.jamiescarlet.embeddings.memory;

/**
 * A search result: the fused (reciprocal rank fusion) score, and the two scores it came from, NaN
 * where that search did not find the memory.
 */
public record Hit(Memory memory, double score, double vectorScore, double keywordScore) {}
