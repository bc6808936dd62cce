package io.quantra.sdk;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

/**
 * The input frames of one call on their way from gRPC to the handler. gRPC delivers only
 * the messages asked for ({@code request}), and more are asked for only as the handler
 * takes frames, so at most {@value #PREFETCH} messages are read ahead of it, and no more
 * once the frames waiting hold about {@value #BUDGET} bytes of text: beyond that the
 * caller waits in gRPC's flow control.
 */
final class CallInputs implements FrameSource {

	/** Messages asked for ahead of the handler; more are asked for in batches of half. */
	static final int PREFETCH = 8;

	/**
	 * Characters of text (about bytes) in waiting frames beyond which nothing more is
	 * asked for.
	 */
	static final long BUDGET = 4L * 1024 * 1024;

	private final IntConsumer request;

	private final ArrayDeque<io.quantra.sdk.proto.Frame> waiting = new ArrayDeque<>();

	private long waitingSize;

	private int asked;

	private boolean ended;

	private String stopped;

	/**
	 * @param request asks gRPC for that many more messages
	 */
	CallInputs(IntConsumer request) {
		this.request = request;
	}

	/** Asks for the first messages of the call. */
	void open() {
		ask();
	}

	/** A message that carried no whole frame (the start, a chunk) was taken. */
	void delivered() {
		synchronized (this) {
			this.asked--;
		}
		ask();
	}

	/** A message completed a frame. */
	void delivered(io.quantra.sdk.proto.Frame frame) {
		synchronized (this) {
			this.asked--;
			if (this.ended || this.stopped != null) {
				return;
			}
			this.waiting.add(frame);
			this.waitingSize += size(frame);
			if (this.waiting.size() == 1) {
				notifyAll();
			}
		}
		ask();
	}

	/** The caller has sent its last frame. */
	synchronized void end() {
		this.ended = true;
		notifyAll();
	}

	/**
	 * The call is over for the handler: {@link #next()} throws from now on, and nothing
	 * more is asked for.
	 */
	void stop(String reason) {
		stop(reason, () -> {
		});
	}

	/**
	 * Stops as {@link #stop(String)}, running {@code interrupt} (which interrupts the
	 * handler) before a handler waiting for a frame is woken, so that it always wakes
	 * interrupted.
	 */
	void stop(String reason, Runnable interrupt) {
		synchronized (this) {
			if (this.stopped != null) {
				return;
			}
			this.stopped = reason;
			this.waiting.clear();
		}
		interrupt.run();
		synchronized (this) {
			notifyAll();
		}
	}

	@Override
	public Frame next() throws InterruptedException {
		io.quantra.sdk.proto.Frame frame;
		synchronized (this) {
			try {
				while (this.waiting.isEmpty() && !this.ended && this.stopped == null) {
					wait();
				}
			}
			catch (InterruptedException ex) {
				if (this.stopped == null) {
					throw ex;
				}
				// The SDK interrupted the handler to stop it: say why.
				Thread.currentThread().interrupt();
			}
			if (this.stopped != null) {
				throw new CancellationException(this.stopped);
			}
			frame = this.waiting.poll();
			if (frame == null) {
				return null;
			}
			this.waitingSize -= size(frame);
		}
		ask();
		return Frame.fromMessage(frame);
	}

	/**
	 * The characters of a frame's items. Its serialized size would cost a pass over all
	 * its text, whose strings protobuf has already decoded.
	 */
	private static long size(io.quantra.sdk.proto.Frame frame) {
		long size = 0;
		for (int i = 0; i < frame.getDataCount(); i++) {
			io.quantra.sdk.proto.Item item = frame.getData(i);
			size += item.getMetaJson().length() + item.getContentJson().length();
		}
		return size;
	}

	/**
	 * Asks for more messages when half the read-ahead has been used, within the byte
	 * budget; asking in batches saves a transport round per message.
	 */
	private void ask() {
		int more;
		synchronized (this) {
			more = PREFETCH - this.asked - this.waiting.size();
			boolean full = !this.waiting.isEmpty() && this.waitingSize >= BUDGET;
			if (this.ended || this.stopped != null || full || more < PREFETCH / 2) {
				return;
			}
			this.asked += more;
		}
		this.request.accept(more);
	}

}
