package io.quantra.triggers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /run} (seed 004): which pipeline to run — a project's canvas
 * ({@code project_id}) or, one day, a {@code quantapilot.yml} in a repository
 * ({@code repo_url}) — with an optional correlation id and inputs.
 */
record TriggerRequest(@JsonProperty("project_id") Long projectId, @JsonProperty("repo_url") String repoUrl,
		String branch, @JsonProperty("quantapilot_yaml_path") String quantapilotYamlPath,
		@JsonProperty("correlation_id") String correlationId, JsonNode inputs) {

	/**
	 * The project to run, once the request names exactly one target that this server can
	 * run.
	 * @throws ApiException 400 for a missing, doubled or malformed target, 501 for a
	 * repository target
	 */
	long target() {
		boolean repository = this.repoUrl != null && !this.repoUrl.isBlank();
		if (this.projectId != null && repository) {
			throw InvalidRequest.field("project_id", "send either project_id or repo_url, not both");
		}
		if (repository) {
			throw new ApiException(ErrorCode.NOT_IMPLEMENTED,
					"Running a quantapilot.yml from a repository (repo_url) is not available yet; "
							+ "send the project_id of a project whose canvas holds the pipeline.");
		}
		if (this.projectId == null) {
			throw InvalidRequest.field("project_id", "is required (or repo_url, for a pipeline in a repository)");
		}
		if (this.branch != null || this.quantapilotYamlPath != null) {
			throw InvalidRequest.field((this.branch != null) ? "branch" : "quantapilot_yaml_path",
					"applies to repo_url only; a project_id runs the project's canvas");
		}
		if (this.inputs != null && !this.inputs.isNull() && !this.inputs.isObject()) {
			throw InvalidRequest.field("inputs", "must be a JSON object");
		}
		return this.projectId;
	}

	/** The inputs, or {@code null} when none were sent. */
	JsonNode runInputs() {
		return (this.inputs != null && !this.inputs.isNull()) ? this.inputs : null;
	}

}
