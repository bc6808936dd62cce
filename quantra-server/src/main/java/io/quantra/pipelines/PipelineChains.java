package io.quantra.pipelines;

import java.util.Map;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * The {@link Pipelines} the engine uses.
 */
@Component
class PipelineChains implements Pipelines {

	private final CanvasManagement canvas;

	PipelineChains(CanvasManagement canvas) {
		this.canvas = canvas;
	}

	@Override
	public Map<String, Object> chain(long projectId) {
		CanvasGraph graph = this.canvas.graph(projectId);
		if (graph.nodes().isEmpty()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"The canvas of project " + projectId + " is empty; add nodes before running it.");
		}
		return ChainJson.build(graph, null);
	}

}
