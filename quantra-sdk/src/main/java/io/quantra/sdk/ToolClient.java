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
		CallStart withVersion = start.getProtocolVersion().isEmpty()
				? start.toBuilder().setProtocolVersion(ToolServer.PROTOCOL_VERSION).build() : start;
		Exchange exchange = new Exchange(withVersion, inputs, onProgress);
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

		private final CompletableFuture<CallResult> result = new CompletableFuture<>();

		private final List<MicroserviceCallRequest> outbound = new ArrayList<>();

		private final FrameChunker chunker = new FrameChunker(ToolClient.this.maxFrameSize);

		private final FrameAssembler assembler = new FrameAssembler(ToolClient.this.maxAssembledSize);

		private final List<Frame> frames = new ArrayList<>();

		private final List<ProgressReport> progress = new ArrayList<>();

		private final List<Frame> inputs;

		private int nextInput;

		private int sent;

		private ToolFailure failure;

		private volatile ClientCallStreamObserver<MicroserviceCallRequest> requests;

		private boolean halfClosed;

		private final Consumer<ProgressReport> onProgress;

		Exchange(CallStart start, List<Frame> inputs, Consumer<ProgressReport> onProgress) {
			this.outbound.add(MicroserviceCallRequest.newBuilder().setStart(start).build());
			this.inputs = inputs;
			this.onProgress = onProgress;
		}

		@Override
		public void beforeStart(ClientCallStreamObserver<MicroserviceCallRequest> requests) {
			this.requests = requests;
			// Sends only while gRPC's buffer has room, chunking one input frame at a
			// time, so a
			// large input is never queued whole.
			requests.setOnReadyHandler(() -> {
				while (requests.isReady() && !this.halfClosed) {
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
			});
		}

		@Override
		public void onNext(MicroserviceCallResponse response) {
			try {
				switch (response.getKindCase()) {
					case FRAME -> {
						this.assembler.requireNoneInProgress();
						this.frames.add(Frame.fromMessage(response.getFrame()));
					}
					case CHUNK ->
						this.assembler.accept(response.getChunk()).map(Frame::fromMessage).ifPresent(this.frames::add);
					case PROGRESS -> {
						ProgressReport report = new ProgressReport(response.getProgress().getDone(),
								response.getProgress().getTotal(), response.getProgress().getUnit());
						this.progress.add(report);
						this.onProgress.accept(report);
					}
					case FAILURE -> this.failure = new ToolFailure(response.getFailure().getCode(),
							response.getFailure().getMessage(), response.getFailure().getRetryable());
					default -> {
					}
				}
			}
			catch (FrameAssemblyException ex) {
				this.result.completeExceptionally(
						Status.INTERNAL.withDescription("the service sent broken chunks: " + ex.getMessage())
							.asRuntimeException());
				this.requests.cancel("the service sent broken chunks", ex);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onCompleted() {
			this.result.complete(new CallResult(List.copyOf(this.frames), List.copyOf(this.progress),
					Optional.ofNullable(this.failure)));
		}

	}

}
