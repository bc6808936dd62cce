package io.quantra;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Records everything the test JVM prints — every log line of every server the suite
 * starts — so that {@link LogHygieneTests} can check the whole run for leaked secrets at
 * its end.
 */
public class SuiteOutputCapture implements LauncherSessionListener {

	private static final int LIMIT = 256 * 1024 * 1024;

	private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();

	private static volatile boolean installed;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		install();
	}

	static synchronized void install() {
		if (installed) {
			return;
		}
		System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
		installed = true;
	}

	/** Everything printed since the test run started. */
	static String captured() {
		synchronized (CAPTURED) {
			return CAPTURED.toString(StandardCharsets.UTF_8);
		}
	}

	private static final class Tee extends OutputStream {

		private final OutputStream original;

		Tee(OutputStream original) {
			this.original = original;
		}

		@Override
		public void write(int b) {
			synchronized (CAPTURED) {
				if (CAPTURED.size() < LIMIT) {
					CAPTURED.write(b);
				}
			}
			try {
				this.original.write(b);
			}
			catch (java.io.IOException ex) {
				// the console went away; the capture goes on
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			synchronized (CAPTURED) {
				if (CAPTURED.size() < LIMIT) {
					CAPTURED.write(bytes, offset, length);
				}
			}
			try {
				this.original.write(bytes, offset, length);
			}
			catch (java.io.IOException ex) {
				// the console went away; the capture goes on
			}
		}

		@Override
		public void flush() throws java.io.IOException {
			this.original.flush();
		}

	}

}
