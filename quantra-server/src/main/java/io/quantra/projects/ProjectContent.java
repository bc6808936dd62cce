package io.quantra.projects;

import java.util.Map;

/**
 * What another module contributes to {@code GET /projects/{id}} (the canvas adds its
 * {@code nodes} and {@code edges}); called after access was checked.
 */
public interface ProjectContent {

	Map<String, Object> describe(long projectId);

}
