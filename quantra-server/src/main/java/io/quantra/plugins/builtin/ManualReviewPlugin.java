package io.quantra.plugins.builtin;

import java.util.List;

import io.quantra.plugins.NodeType;

import org.springframework.stereotype.Component;

/**
 * {@code manual_review}: a workbench step where the run waits for a person to approve or
 * refuse what reached it ({@code POST /executions/{id}/gates/{nodeId}}); approved, its
 * input flows on.
 */
@Component
class ManualReviewPlugin extends BuiltInPlugin {

	ManualReviewPlugin() {
		super("manual_review", NodeType.WORKBENCH, "Manual Review",
				"Holds the run until an editor approves or refuses the data that reached this step.",
				List.of("object", "table"), List.of("object", "table"));
	}

}
