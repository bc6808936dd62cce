package io.quantra.sdk;

/**
 * The chunks of a frame could not be joined: out of order, interleaved, incomplete or too
 * large.
 */
public class FrameAssemblyException extends Exception {

	private static final long serialVersionUID = 1L;

	private final boolean tooLarge;

	public FrameAssemblyException(boolean tooLarge, String message) {
		this(tooLarge, message, null);
	}

	public FrameAssemblyException(boolean tooLarge, String message, Throwable cause) {
		super(message, cause);
		this.tooLarge = tooLarge;
	}

	/**
	 * Whether the frame exceeded the size bound (rather than breaking the chunk order).
	 */
	public boolean tooLarge() {
		return this.tooLarge;
	}

}
