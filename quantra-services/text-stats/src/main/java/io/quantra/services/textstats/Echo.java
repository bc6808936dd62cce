package io.quantra.services.textstats;

import io.quantra.sdk.CallContext;
import io.quantra.sdk.Frame;
import io.quantra.sdk.FrameEmitter;
import io.quantra.sdk.FrameSource;
import io.quantra.sdk.StreamingToolHandler;

/**
 * Plugin {@code echo}: returns every input frame as it came (only {@code eos} is the
 * SDK's), each as soon as it arrives. It shows that frames of any size cross the protocol
 * byte-exact, and measures the protocol's own cost with both directions under way.
 */
final class Echo implements StreamingToolHandler {

	static final String PLUGIN_ID = "echo";

	@Override
	public void handle(CallContext call, FrameSource inputs, FrameEmitter out) throws InterruptedException {
		for (Frame frame = inputs.next(); frame != null; frame = inputs.next()) {
			out.emit(frame);
		}
	}

}
