package io.quantra.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The test seam for a person at a terminal: a {@link Prompter} that answers the CLI's
 * questions from a script and records each question asked. Not interactive, it stands for
 * a process whose standard input is not a terminal.
 */
final class ScriptedTerminal implements Prompter {

	private final boolean interactive;

	private final Deque<String> answers;

	private final List<String> questions = new ArrayList<>();

	private ScriptedTerminal(boolean interactive, List<String> answers) {
		this.interactive = interactive;
		this.answers = new ArrayDeque<>(answers);
	}

	/** A person who answers the questions in this order. */
	static ScriptedTerminal answering(String... answers) {
		return new ScriptedTerminal(true, List.of(answers));
	}

	/** No terminal: standard input is a pipe or a file. */
	static ScriptedTerminal none() {
		return new ScriptedTerminal(false, List.of());
	}

	List<String> questions() {
		return this.questions;
	}

	@Override
	public boolean interactive() {
		return this.interactive;
	}

	@Override
	public String readLine(String prompt) {
		this.questions.add(prompt);
		return this.answers.poll();
	}

	@Override
	public char[] readSecret(String prompt) {
		String answer = readLine(prompt);
		return (answer != null) ? answer.toCharArray() : null;
	}

}
