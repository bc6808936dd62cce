package io.quantra.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.quantra.sdk.proto.CallStart;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import io.quantra.sdk.proto.VersionRequest;
import io.quantra.sdk.proto.VersionResponse;

/**
 * Calls a tool microservice and collects its answer: sends the start and the input frames
 * (chunked when large, paced by gRPC's flow control), reassembles the frames that come
 * back.
 */
public final class ToolClient {

	private final Channel channel;

	private final int maxFrameSize;

	private final long maxAssembledSize;

	private ToolClient(Channel channel, int maxFrameSize, long maxAssembledSize) {
		this.channel = channel;
		this.maxFrameSize = maxFrameSize;
		this.maxAssembledSize = maxAssembledSize;
	}

	/** A client on {@code channel} with the default frame sizes and no shared secret. */
	public static ToolClient of(Channel channel) {
		return new ToolClient(channel, FrameChunker.DEFAULT_MAX_FRAME_SIZE, FrameAssembler.DEFAULT_MAX_ASSEMBLED_SIZE);
	}

	/** This client sending the service's shared secret with every call. */
	public ToolClient withSharedSecret(String secret) {
		Metadata headers = new Metadata();
		headers.put(SharedSecretInterceptor.SECRET_HEADER, secret);
		return new ToolClient(
				ClientInterceptors.intercept(this.channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
				this.maxFrameSize, this.maxAssembledSize);
	}

	/**
	 * This client with another frame size for what it sends and bound for what it joins.
	 */
	public ToolClient withFrameSizes(int maxFrameSize, long maxAssembledSize) {
		return new ToolClient(this.channel, maxFrameSize, maxAssembledSize);
	}

	/** The service's name, version and plugin ids. */
	public VersionResponse version(Duration timeout) {
		return MicroServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.version(VersionRequest.getDefaultInstance());
	}

	/**
	 * Runs one node on the service and waits for its answer.
	 * @throws StatusRuntimeException when the call itself fails (unreachable, refused
	 * secret, deadline exceeded, protocol error); a tool's own failure is in the result
	 * instead
	 */
	public CallResult call(CallStart start, List<Frame> inputs, Duration timeout) throws InterruptedException {
		return call(start, inputs, timeout, (report) -> {
		});
	}

	/**
	 * Runs one node on the service and waits for its answer, handing each progress report
	 * to {@code onProgress} as it arrives (on a gRPC thread), so a caller can show
	 * progress live.
	 * @throws StatusRuntimeException when the call itself fails (unreachable, refused
	 * secret, deadline exceeded, protocol error); a tool's own failure is in the result
	 * instead
	 */
	public CallResult call(CallStart start, List<Frame> inputs, Duration timeout, Consumer<ProgressReport> onProgress)
			throws InterruptedException {
		List<Frame> frames = new ArrayList<>();
		List<ProgressReport> progress = new ArrayList<>();
		Optional<ToolFailure> failure = stream(start, inputs, timeout, new CallListener() {
			@Override
			public void onFrame(Frame frame) {
				frames.add(frame);
			}

			@Override
			public void onProgress(ProgressReport report) {
				progress.add(report);
				onProgress.accept(report);
			}
		});
		return new CallResult(List.copyOf(frames), List.copyOf(progress), failure);
	}

	/**
	 * Runs one node on the service, handing each frame and progress report to
	 * {@code listener} as it arrives, one at a time and in order, on a gRPC thread, and
	 * waits for the call to end. The input frames are read from {@code inputs} one at a
	 * time, as gRPC's flow control lets them out, so a list that builds its frames on
	 * demand is never held whole in protocol form.
	 * @return the tool's failure, when it reported one
	 * @throws StatusRuntimeException when the call itself fails (unreachable, refused
	 * secret, deadline exceeded, protocol error), or with {@code INTERNAL} when the
	 * listener threw, which cancels the call
	 */
	public Optional<ToolFailure> stream(CallStart start, List<Frame> inputs, Duration timeout, CallListener listener)
			throws InterruptedException {
		CallStart withVersion = start.getProtocolVersion().isEmpty()
				? start.toBuilder().setProtocolVersion(ToolServer.PROTOCOL_VERSION).build() : start;
		Exchange exchange = new Exchange(withVersion, inputs, listener);
		MicroServiceGrpc.newStub(this.channel)
			.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.call(exchange);
		try {
			return exchange.result.get();
		}
		catch (InterruptedException ex) {
			// The caller gave up (e.g. its run was cancelled): so does the service's
			// handler.
			exchange.requests.cancel("the caller was interrupted", ex);
			throw ex;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof StatusRuntimeException status) {
				throw status;
			}
			throw Status.fromThrowable(ex.getCause()).asRuntimeException();
		}
	}

	/**
	 * What a caller sees of a call while it runs. Both methods are called on a gRPC
	 * thread, never at the same time; a slow listener holds the service back through
	 * gRPC's flow control.
	 */
	public interface CallListener {

		/**
		 * A frame of the answer, reassembled; the last one has {@code eos} unless the
		 * tool failed.
		 */
		default void onFrame(Frame frame) {
		}

		default void onProgress(ProgressReport report) {
		}

	}

	/**
	 * What a service answered.
	 *
	 * @param frames the frames, reassembled, in order; the last has {@code eos} unless it
	 * failed
	 * @param progress the progress reports, in order
	 * @param failure the tool's failure, if it failed
	 */
	public record CallResult(List<Frame> frames, List<ProgressReport> progress, Optional<ToolFailure> failure) {
	}

	/** One progress report of a call. */
	public record ProgressReport(long done, long total, String unit) {
	}

	/** A tool's report that it could not do its work. */
	public record ToolFailure(String code, String message, boolean retryable) {
	}

	private final class Exchange implements ClientResponseObserver<MicroserviceCallRequest, MicroserviceCallResponse> {

		private final CompletableFuture<Optional<ToolFailure>> result = new CompletableFuture<>();

		private final List<MicroserviceCallRequest> outbound = new ArrayList<>();

		private final FrameChunker chunker = new FrameChunker(ToolClient.this.maxFrameSize);

		private final FrameAssembler assembler = new FrameAssembler(ToolClient.this.maxAssembledSize);

		private final List<Frame> inputs;

		private final CallListener listener;

		private int nextInput;

		private int sent;

		private ToolFailure failure;

		private volatile ClientCallStreamObserver<MicroserviceCallRequest> requests;

		private boolean halfClosed;

		Exchange(CallStart start, List<Frame> inputs, CallListener listener) {
			this.outbound.add(MicroserviceCallRequest.newBuilder().setStart(start).build());
			this.inputs = inputs;
			this.listener = listener;
		}

		@Override
		public void beforeStart(ClientCallStreamObserver<MicroserviceCallRequest> requests) {
			this.requests = requests;
			// Sends only while gRPC's buffer has room, chunking one input frame at a
			// time, so a large input is never queued whole.
			requests.setOnReadyHandler(() -> {
				try {
					sendWhileReady(requests);
				}
				catch (RuntimeException ex) {
					abort("the caller could not build an input frame: " + ex, ex);
				}
			});
		}

		private void sendWhileReady(ClientCallStreamObserver<MicroserviceCallRequest> requests) {
			while (requests.isReady() && !this.halfClosed && !this.result.isDone()) {
				if (this.sent == this.outbound.size()) {
					this.outbound.clear();
					this.sent = 0;
					if (this.nextInput == this.inputs.size()) {
						this.halfClosed = true;
						requests.onCompleted();
						return;
					}
					this.outbound.addAll(this.chunker.requests(this.inputs.get(this.nextInput++).toMessage()));
				}
				requests.onNext(this.outbound.get(this.sent));
				this.outbound.set(this.sent++, null);
			}
		}

		@Override
		public void onNext(MicroserviceCallResponse response) {
			if (this.result.isDone()) {
				return;
			}
			try {
				switch (response.getKindCase()) {
					case FRAME -> {
						this.assembler.requireNoneInProgress();
						this.listener.onFrame(Frame.fromMessage(response.getFrame()));
					}
					case CHUNK -> {
						Optional<io.quantra.sdk.proto.Frame> whole = this.assembler.accept(response.getChunk());
						if (whole.isPresent()) {
							this.listener.onFrame(Frame.fromMessage(whole.get()));
						}
					}
					case PROGRESS -> this.listener.onProgress(new ProgressReport(response.getProgress().getDone(),
							response.getProgress().getTotal(), response.getProgress().getUnit()));
					case FAILURE -> this.failure = new ToolFailure(response.getFailure().getCode(),
							response.getFailure().getMessage(), response.getFailure().getRetryable());
					default -> {
					}
				}
			}
			catch (FrameAssemblyException ex) {
				abort("the service sent broken chunks: " + ex.getMessage(), ex);
			}
			catch (RuntimeException ex) {
				abort("the caller could not take the service's answer: " + ex, ex);
			}
		}

		private void abort(String reason, Throwable cause) {
			this.result
				.completeExceptionally(Status.INTERNAL.withDescription(reason).withCause(cause).asRuntimeException());
			this.requests.cancel(reason, cause);
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onCompleted() {
			this.result.complete(Optional.ofNullable(this.failure));
		}

	}

}
