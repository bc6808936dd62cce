package io.quantra.sdk;

import java.util.List;

/**
 * Where a {@link ToolHandler} sends its results. Frames are sent in order; the one
 * emitted last is sent with {@code eos = true} when the handler returns, so a handler
 * never sets {@code eos} itself. Every method throws
 * {@link java.util.concurrent.CancellationException} once the call has been cancelled.
 */
public interface FrameEmitter {

	/**
	 * Sends a frame of output (split into chunks when it is larger than the frame size).
	 * A frame with an OAuth2 URL is sent at once and never gets {@code eos}.
	 */
	void emit(Frame frame);

	/**
	 * Asks the user to authorise the tool with an external OAuth2 provider: the platform
	 * shows {@code url} to the run's members and the node waits, within its time limit,
	 * until this handler emits again or returns. The handler learns of the authorization
	 * on its own, usually from the provider's redirect to the service.
	 * @param url the provider's authorization URL, absolute {@code https} (or
	 * {@code http} for a local provider)
	 */
	default void requestAuthorization(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("an authorization request needs the provider's URL");
		}
		emit(new Frame(url, List.of(), Frame.OBJECT, false));
	}

	/** Tells the caller how far the work is, e.g. {@code progress(3, 10, "pages")}. */
	void progress(long done, long total, String unit);

	/**
	 * Reports that the tool could not do its work; the call then ends without an eos
	 * frame and nothing more can be emitted.
	 * @param code a stable upper-case code, e.g. {@code INVALID_CONFIG}
	 * @param message what was wrong and how to fix it
	 * @param retryable whether the same call may succeed later
	 */
	void fail(String code, String message, boolean retryable);

}
