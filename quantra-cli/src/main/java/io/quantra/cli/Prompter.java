package io.quantra.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Questions the CLI asks a person at a terminal: a password without echo, an MFA code,
 * the parameters {@code qp run} is missing. Commands ask only when {@link #interactive()}
 * is true, and otherwise fail with a usage error naming the option to pass; tests give
 * their own prompter to play the person at the terminal.
 */
public interface Prompter {

	/** Whether a person can answer: standard input and output are a terminal. */
	boolean interactive();

	/** Asks for one line; null when input has ended. */
	String readLine(String prompt);

	/** Asks for a secret without echoing it; null when input has ended. */
	char[] readSecret(String prompt);

	/**
	 * The process's terminal, or a prompter that is not interactive when there is none.
	 */
	static Prompter console() {
		Console console = System.console();
		if (console == null || !isTerminal(console)) {
			return none();
		}
		return new Prompter() {

			@Override
			public boolean interactive() {
				return true;
			}

			@Override
			public String readLine(String prompt) {
				return console.readLine("%s", prompt);
			}

			@Override
			public char[] readSecret(String prompt) {
				return console.readPassword("%s", prompt);
			}

		};
	}

	/** A prompter for processes without a terminal: it asks nothing. */
	static Prompter none() {
		return new Prompter() {

			@Override
			public boolean interactive() {
				return false;
			}

			@Override
			public String readLine(String prompt) {
				return null;
			}

			@Override
			public char[] readSecret(String prompt) {
				return null;
			}

		};
	}

	/**
	 * From Java 22 on, {@code System.console()} may exist with redirected streams; its
	 * {@code isTerminal()} tells. Before, a console exists only for a terminal.
	 */
	private static boolean isTerminal(Console console) {
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

}
