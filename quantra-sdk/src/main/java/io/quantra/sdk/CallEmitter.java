package io.quantra.sdk;

import java.util.List;
import java.util.concurrent.CancellationException;

import io.grpc.stub.ServerCallStreamObserver;
import io.quantra.sdk.proto.Failure;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import io.quantra.sdk.proto.Progress;

/**
 * The emitter of one call. It holds back the latest frame so that it can send it with
 * {@code eos = true} once the handler returns; a frame that asks for authorization goes
 * out at once, since the handler waits for the user after it.
 */
final class CallEmitter implements FrameEmitter {

	private final ServerCallStreamObserver<MicroserviceCallResponse> responses;

	private final FrameChunker chunker;

	private final FlowGate gate;

	private volatile boolean cancelled;

	private Frame held;

	private boolean failed;

	private boolean closed;

	CallEmitter(ServerCallStreamObserver<MicroserviceCallResponse> responses, FrameChunker chunker, FlowGate gate) {
		this.responses = responses;
		this.chunker = chunker;
		this.gate = gate;
	}

	@Override
	public synchronized void emit(Frame frame) {
		requireOpen();
		if (this.held != null) {
			send(this.held.withEos(false));
			this.held = null;
		}
		if (frame.oauth2Url() != null) {
			send(frame.withEos(false));
		}
		else {
			this.held = frame;
		}
	}

	@Override
	public synchronized void progress(long done, long total, String unit) {
		requireOpen();
		sendMessage(MicroserviceCallResponse.newBuilder()
			.setProgress(Progress.newBuilder().setDone(done).setTotal(total).setUnit((unit != null) ? unit : ""))
			.build());
	}

	@Override
	public synchronized void fail(String code, String message, boolean retryable) {
		requireOpen();
		if (this.held != null) {
			send(this.held.withEos(false));
			this.held = null;
		}
		sendMessage(MicroserviceCallResponse.newBuilder()
			.setFailure(Failure.newBuilder()
				.setCode(code)
				.setMessage((message != null) ? message : "")
				.setRetryable(retryable))
			.build());
		this.failed = true;
	}

	/**
	 * Ends the call after the handler returned: the held frame (or an empty one) gets
	 * eos.
	 */
	synchronized void complete() {
		if (this.closed || this.cancelled) {
			return;
		}
		if (!this.failed) {
			send((this.held != null) ? this.held.withEos(true) : new Frame(null, List.of(), Frame.OBJECT, true));
			this.held = null;
		}
		this.closed = true;
		this.responses.onCompleted();
	}

	/** Ends the call after the handler threw. */
	synchronized void completeExceptionally(String code, String message, boolean retryable) {
		if (this.closed || this.cancelled) {
			return;
		}
		if (!this.failed) {
			fail(code, message, retryable);
		}
		complete();
	}

	void cancel() {
		this.cancelled = true;
		this.gate.signal();
	}

	boolean failed() {
		return this.failed;
	}

	private void requireOpen() {
		if (this.cancelled) {
			throw new CancellationException("the caller cancelled the call or its deadline passed");
		}
		if (this.failed || this.closed) {
			throw new IllegalStateException("the call has already " + (this.failed ? "failed" : "ended"));
		}
	}

	private void send(Frame frame) {
		this.chunker.split(frame.toMessage(), new FrameChunker.Parts() {
			@Override
			public void whole(io.quantra.sdk.proto.Frame whole) {
				sendMessage(MicroserviceCallResponse.newBuilder().setFrame(whole).build());
			}

			@Override
			public void chunk(io.quantra.sdk.proto.Chunk chunk) {
				sendMessage(MicroserviceCallResponse.newBuilder().setChunk(chunk).build());
			}
		});
	}

	private void sendMessage(MicroserviceCallResponse message) {
		try {
			this.gate.awaitReady(this.responses, () -> this.cancelled);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while waiting to send");
		}
		if (this.cancelled) {
			throw new CancellationException("the caller cancelled the call or its deadline passed");
		}
		this.responses.onNext(message);
	}

}
