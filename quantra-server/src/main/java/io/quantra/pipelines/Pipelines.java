package io.quantra.pipelines;

import java.util.Map;

/**
 * What the engine asks of pipelines: the chain JSON of a project's canvas as it is now.
 */
public interface Pipelines {

	/**
	 * The CNO chain JSON of the project's canvas; the caller has checked access.
	 * @throws io.quantra.platform.ApiException 400 when the canvas is empty
	 */
	Map<String, Object> chain(long projectId);

}
