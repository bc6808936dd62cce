package io.quantra.cli;

/**
 * The exit codes of every command, as {@code --help} and the README list them. Scripts
 * branch on them, so a code keeps its meaning once released.
 */
final class ExitCodes {

	/** The command did what it was asked. */
	static final int OK = 0;

	/** The run it started or watched failed or was cancelled. */
	static final int RUN_FAILED = 1;

	/**
	 * The command line was wrong, or a needed value was missing and there was no terminal
	 * to ask on.
	 */
	static final int USAGE = 2;

	/**
	 * Not logged in, the credential was refused (401), or the account lacks the role
	 * (403, 423).
	 */
	static final int AUTH = 3;

	/**
	 * The project, node, run or other resource does not exist or is not visible to you
	 * (404).
	 */
	static final int NOT_FOUND = 4;

	/**
	 * The server could not be reached, its certificate was not trusted, or it failed
	 * (5xx).
	 */
	static final int SERVER = 5;

	/**
	 * The server refused the request as invalid or conflicting (400, 409, 412, 413, 415,
	 * 429).
	 */
	static final int REFUSED = 6;

	/** A fault in the CLI itself; please report it. */
	static final int INTERNAL = 70;

	static final String[] HELP = { "0:success", "1:the run failed or was cancelled",
			"2:usage: wrong arguments, or a missing value with no terminal to ask on",
			"3:not logged in, credential refused (401) or role missing (403)", "4:not found (404)",
			"5:server unreachable, certificate not trusted, or server error (5xx)",
			"6:request refused as invalid or conflicting (400, 409, 412, 429 ...)", "70:internal error of the CLI" };

	private ExitCodes() {
	}

	/** The exit code for a problem answer of the server with this HTTP status. */
	static int forStatus(int status) {
		if (status == 401 || status == 403 || status == 423) {
			return AUTH;
		}
		if (status == 404 || status == 410) {
			return NOT_FOUND;
		}
		if (status >= 500) {
			return SERVER;
		}
		return REFUSED;
	}

}
