package io.quantra.cli;

/**
 * A failure the CLI reports as one message on standard error, ending the command with its
 * exit code. Messages never carry a token or password.
 */
class CliException extends RuntimeException {

	private final int exitCode;

	CliException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	CliException(int exitCode, String message, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	static CliException usage(String message) {
		return new CliException(ExitCodes.USAGE, message);
	}

	int exitCode() {
		return this.exitCode;
	}

}
