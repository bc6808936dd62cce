package io.quantra.plugins;

/**
 * A node failure a plugin can name: the run's {@code node_failed} event and error carry
 * {@link #code()} instead of the generic {@code NODE_FAILED}. The message is shown to the
 * run's members, so it describes the problem without quoting document content.
 */
public class PluginFailure extends Exception {

	/** The plugin, or a tool it needs, cannot run on this server. */
	public static final String PLUGIN_UNAVAILABLE = "PLUGIN_UNAVAILABLE";

	/** An input document is malformed, encrypted, or over a configured limit. */
	public static final String DOCUMENT_REJECTED = "DOCUMENT_REJECTED";

	/** A file the node needs is missing, or outside what it may read. */
	public static final String FILE_NOT_FOUND = "FILE_NOT_FOUND";

	private final String code;

	/** Whether trying again could help; a rejected document stays rejected. */
	private final boolean retryable;

	public PluginFailure(String code, String message, boolean retryable) {
		super(message);
		this.code = code;
		this.retryable = retryable;
	}

	public PluginFailure(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
		this.retryable = false;
	}

	public String code() {
		return this.code;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
