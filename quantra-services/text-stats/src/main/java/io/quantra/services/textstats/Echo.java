package io.quantra.services.textstats;

import java.util.List;

import io.quantra.sdk.CallContext;
import io.quantra.sdk.Frame;
import io.quantra.sdk.FrameEmitter;
import io.quantra.sdk.ToolHandler;

/**
 * Plugin {@code echo}: returns every input frame as it came (only {@code eos} is the
 * SDK's). It shows that frames of any size cross the protocol byte-exact, and measures
 * the protocol's own cost.
 */
final class Echo implements ToolHandler {

	static final String PLUGIN_ID = "echo";

	@Override
	public void handle(CallContext call, List<Frame> inputs, FrameEmitter out) {
		for (Frame frame : inputs) {
			out.emit(frame);
		}
	}

}
