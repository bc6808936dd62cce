package io.quantra.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The input frames of one call, in the order the caller sent them, as they arrive: a
 * {@link StreamingToolHandler} takes them one at a time and can emit output before the
 * caller has sent its last one.
 * <p>
 * The server reads only a few frames ahead of the handler; a handler that reads slowly
 * holds the caller back through gRPC's flow control rather than making the server buffer
 * the call's input. A frame sent in chunks arrives whole. One thread reads a source.
 */
public interface FrameSource {

	/**
	 * Takes the next input frame, waiting until the caller has sent it.
	 * @return the frame, or {@code null} once the caller has sent its last one (and on
	 * every later call)
	 * @throws CancellationException when the caller cancelled, its deadline passed, or
	 * its input broke the protocol; the call is over and the handler should return
	 * @throws InterruptedException when the handler's thread was interrupted for another
	 * reason while waiting
	 */
	Frame next() throws InterruptedException;

	/**
	 * Waits for the rest of the input frames, e.g. for a tool that needs a call's whole
	 * input at once.
	 * @return the frames not yet taken, in order
	 * @throws CancellationException as {@link #next()}
	 * @throws InterruptedException as {@link #next()}
	 */
	default List<Frame> remaining() throws InterruptedException {
		List<Frame> frames = new ArrayList<>();
		for (Frame frame = next(); frame != null; frame = next()) {
			frames.add(frame);
		}
		return Collections.unmodifiableList(frames);
	}

	/**
	 * A source of the given frames, for running a handler outside a server, e.g. in a
	 * tool's own tests.
	 */
	static FrameSource of(List<Frame> frames) {
		Iterator<Frame> iterator = List.copyOf(frames).iterator();
		return () -> iterator.hasNext() ? iterator.next() : null;
	}

}
