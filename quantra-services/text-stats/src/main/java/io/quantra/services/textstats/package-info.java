/**
 * A reference tool microservice built on the Quantra SDK: {@code text_stats} counts the
 * words, characters and lines of each item's text, {@code echo} returns its input frames.
 */
package io.quantra.services.textstats;
