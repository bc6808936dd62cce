package io.quantra.pipelines;

import java.util.Locale;
import java.util.Optional;

/**
 * How an edge connects two nodes (seed 000). Flow and interactive edges order execution
 * and must never form a cycle; a reference edge only points at another node's output.
 */
public enum EdgeMode {

	FLOW, INTERACTIVE, REFERENCE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the edge constrains execution order (and so may not close a cycle). */
	public boolean ordersExecution() {
		return this != REFERENCE;
	}

	public static Optional<EdgeMode> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (EdgeMode mode : values()) {
			if (mode.value().equals(value)) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

}
