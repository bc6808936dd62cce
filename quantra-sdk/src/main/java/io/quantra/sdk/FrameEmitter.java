package io.quantra.sdk;

/**
 * Where a {@link ToolHandler} sends its results. Frames are sent in order; the one
 * emitted last is sent with {@code eos = true} when the handler returns, so a handler
 * never sets {@code eos} itself. Every method throws
 * {@link java.util.concurrent.CancellationException} once the call has been cancelled.
 */
public interface FrameEmitter {

	/**
	 * Sends a frame of output (split into chunks when it is larger than the frame size).
	 */
	void emit(Frame frame);

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
