package io.quantra.services.textstats;

import java.util.List;

import io.quantra.sdk.CallContext;
import io.quantra.sdk.Frame;
import io.quantra.sdk.FrameEmitter;
import io.quantra.sdk.ToolException;
import io.quantra.sdk.ToolHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plugin {@code sleep}: waits {@code millis} (from the node config, 1000 by default),
 * then returns its inputs like {@code echo}. A slow tool on demand, to check deadlines
 * and cancellation end to end. It says on standard output when it starts waiting and when
 * a cancelled call interrupts it, so an operator (or a test) sees cancellation arrive.
 */
final class Sleep implements ToolHandler {

	static final String PLUGIN_ID = "sleep";

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void handle(CallContext call, List<Frame> inputs, FrameEmitter out) throws ToolException {
		long millis = this.json.readTree(call.nodeConfigJson()).path("millis").asLong(1000);
		String node = "node " + call.nodeKey() + " of run " + call.runId();
		System.out.println("sleep: waiting " + millis + " ms for " + node);
		long started = System.nanoTime();
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			System.out.println("sleep: cancelled after " + (System.nanoTime() - started) / 1_000_000 + " ms, " + node);
			throw new ToolException("CANCELLED", "the call was cancelled while sleeping", false, ex);
		}
		for (Frame frame : inputs) {
			out.emit(frame);
		}
	}

}
