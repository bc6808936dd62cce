/**
 * The {@code quantra} command (alias {@code qp}): a client of Quantra's REST API for
 * operators and scripts, built on picocli.
 */
package io.quantra.cli;
