package io.quantra.services.textstats;

import java.time.Duration;
import java.util.List;

import io.quantra.sdk.CallContext;
import io.quantra.sdk.Frame;
import io.quantra.sdk.FrameEmitter;
import io.quantra.sdk.ToolException;
import io.quantra.sdk.ToolHandler;

/**
 * Plugin {@code authorized_echo}: asks the user to authorise the service, waits until
 * they have (or the call's deadline passes), then returns its inputs like {@code echo}.
 * It is the pattern for a tool that works on a user's behalf with an external provider.
 */
final class AuthorizedEcho implements ToolHandler {

	static final String PLUGIN_ID = "authorized_echo";

	private final ConsentPage consent;

	AuthorizedEcho(ConsentPage consent) {
		this.consent = consent;
	}

	@Override
	public void handle(CallContext call, List<Frame> inputs, FrameEmitter out) throws Exception {
		ConsentPage.Request request = this.consent.request();
		out.requestAuthorization(request.url());
		// the caller's deadline ends the wait (the SDK interrupts it); the margin only
		// keeps a call without one from waiting for ever
		Duration patience = call.timeRemaining().orElse(Duration.ofMinutes(10)).plusSeconds(5);
		if (!this.consent.await(request, patience)) {
			throw new ToolException("AUTHORIZATION_MISSING", "no one authorised the service in time", false);
		}
		out.progress(1, 1, "authorizations");
		for (Frame frame : inputs) {
			out.emit(frame);
		}
	}

}
