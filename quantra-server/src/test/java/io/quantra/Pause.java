package io.quantra;

/** Waits in tests that poll for something to happen, without checked exceptions. */
public final class Pause {

	private Pause() {
	}

	public static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
