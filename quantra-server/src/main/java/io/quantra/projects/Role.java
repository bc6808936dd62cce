package io.quantra.projects;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's role on a project, from least to most: each role can do all the one before
 * it can. Seed 000's share levels map onto it: read → viewer, execute → runner, write →
 * editor.
 */
public enum Role {

	/** Reads the project and its canvas, runs and results. */
	VIEWER,

	/** Also runs the pipeline. */
	RUNNER,

	/** Also edits the canvas and the project, and may delete it. */
	EDITOR,

	/** Also manages members. */
	ADMIN,

	/**
	 * Owns the project; exactly one per project, changed only by transferring ownership.
	 */
	OWNER;

	public boolean atLeast(Role other) {
		return compareTo(other) >= 0;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Role role : values()) {
			if (role.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** Seed 000's {@code permission_level}: read, execute or write. */
	public static Optional<Role> fromPermissionLevel(String level) {
		if (level == null) {
			return Optional.empty();
		}
		return switch (level.trim().toLowerCase(Locale.ROOT)) {
			case "read" -> Optional.of(VIEWER);
			case "execute" -> Optional.of(RUNNER);
			case "write" -> Optional.of(EDITOR);
			default -> Optional.empty();
		};
	}

}
