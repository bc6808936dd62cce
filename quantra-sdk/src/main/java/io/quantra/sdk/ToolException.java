package io.quantra.sdk;

/**
 * Thrown by a {@link ToolHandler} to fail its call with a chosen code, e.g.
 * {@code new ToolException("INVALID_CONFIG", "'language' must be one of en, de", false)}.
 */
public class ToolException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String code;

	private final boolean retryable;

	public ToolException(String code, String message, boolean retryable) {
		this(code, message, retryable, null);
	}

	public ToolException(String code, String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.code = code;
		this.retryable = retryable;
	}

	public String code() {
		return this.code;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
