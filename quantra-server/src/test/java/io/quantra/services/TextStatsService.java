package io.quantra.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.quantra.Pause.pause;

/**
 * The reference tool microservice, text-stats, run as a separate process on this test
 * JVM's class path, the way a real service runs beside the server.
 */
final class TextStatsService implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("on port (\\d+)");

	private final Process process;

	private final int port;

	private final List<String> output;

	private TextStatsService(Process process, int port, List<String> output) {
		this.process = process;
		this.port = port;
		this.output = output;
	}

	/**
	 * Starts it on {@code port} ({@code 0} for a free one) with more command-line
	 * {@code options} ({@code --secret s}, {@code --tls-cert f}, ...) and waits until it
	 * serves.
	 */
	static TextStatsService start(int port, String version, String... options) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				"io.quantra.services.textstats.TextStatsService", "--port", Integer.toString(port), "--version",
				version));
		command.addAll(List.of(options));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new CopyOnWriteArrayList<>();
		CompletableFuture<Integer> serving = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.add(line);
					Matcher matcher = PORT.matcher(line);
					if (matcher.find()) {
						serving.complete(Integer.parseInt(matcher.group(1)));
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			serving.completeExceptionally(
					new IllegalStateException("text-stats ended before it served; it printed " + output));
		}, "text-stats-output");
		reader.setDaemon(true);
		reader.start();
		try {
			return new TextStatsService(process, serving.get(60, TimeUnit.SECONDS), output);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * Waits for the service to print a line that contains {@code text}.
	 * @return the line
	 */
	String awaitLine(String text, Duration max) {
		long deadline = System.nanoTime() + max.toNanos();
		while (System.nanoTime() < deadline) {
			for (String line : this.output) {
				if (line.contains(text)) {
					return line;
				}
			}
			pause(20);
		}
		throw new AssertionError(
				"text-stats printed no line with '" + text + "' within " + max.toMillis() + " ms: " + this.output);
	}

	/** Ends it at once, as a crash would. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

}
