package io.quantra.plugins;

import java.util.Locale;
import java.util.Optional;

/**
 * The three kinds of canvas nodes (seed 000): sources of data, tools that transform it,
 * and workbenches where people work with it.
 */
public enum NodeType {

	DATASOURCE, TOOL, WORKBENCH;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<NodeType> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (NodeType type : values()) {
			if (type.value().equals(value)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
