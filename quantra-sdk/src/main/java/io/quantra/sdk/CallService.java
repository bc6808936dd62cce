package io.quantra.sdk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quantra.sdk.proto.CallStart;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import io.quantra.sdk.proto.VersionRequest;
import io.quantra.sdk.proto.VersionResponse;

/**
 * The {@code MicroService} of a {@link ToolServer}: starts the plugin's handler on a
 * worker thread as soon as a call's start arrives, hands it the input frames as they come
 * (reading only a few ahead of it, see {@link CallInputs}), and interrupts it when the
 * call is cancelled.
 */
final class CallService extends MicroServiceGrpc.MicroServiceImplBase {

	private static final Logger logger = Logger.getLogger(CallService.class.getName());

	private final Map<String, StreamingToolHandler> handlers;

	private final VersionResponse version;

	private final ExecutorService workers;

	private final int maxFrameSize;

	private final long maxAssembledSize;

	CallService(Map<String, StreamingToolHandler> handlers, VersionResponse version, ExecutorService workers,
			int maxFrameSize, long maxAssembledSize) {
		this.handlers = handlers;
		this.version = version;
		this.workers = workers;
		this.maxFrameSize = maxFrameSize;
		this.maxAssembledSize = maxAssembledSize;
	}

	@Override
	public void version(VersionRequest request, StreamObserver<VersionResponse> responses) {
		responses.onNext(this.version);
		responses.onCompleted();
	}

	@Override
	public StreamObserver<MicroserviceCallRequest> call(StreamObserver<MicroserviceCallResponse> responses) {
		return new InboundCall((ServerCallStreamObserver<MicroserviceCallResponse>) responses, Context.current());
	}

	/**
	 * One call. gRPC delivers its messages one at a time; the handler runs on a worker
	 * thread, which alone sends responses while it runs.
	 */
	private final class InboundCall implements StreamObserver<MicroserviceCallRequest> {

		private final ServerCallStreamObserver<MicroserviceCallResponse> responses;

		private final Context context;

		private final FlowGate gate = new FlowGate();

		private final CallEmitter emitter;

		private final FrameAssembler assembler = new FrameAssembler(CallService.this.maxAssembledSize);

		private final CallInputs inputs;

		/**
		 * Whether the handler's run has begun, or the call was refused before it could.
		 */
		private final AtomicBoolean claimed = new AtomicBoolean();

		private CallStart start;

		private boolean ended;

		/** Why the caller's input was refused once the handler had started. */
		private volatile Status refused;

		private volatile Future<?> running;

		InboundCall(ServerCallStreamObserver<MicroserviceCallResponse> responses, Context context) {
			this.responses = responses;
			this.context = context;
			this.emitter = new CallEmitter(responses, new FrameChunker(CallService.this.maxFrameSize), this.gate);
			this.inputs = new CallInputs(responses::request);
			responses.disableAutoRequest();
			// The emitter waits for readiness before each message: with gRPC's default
			// of 32 KiB, a frame could only be written once the one before had left, and
			// the stream would idle while the handler builds each frame.
			responses.setOnReadyThreshold(CallService.this.maxFrameSize + 64 * 1024);
			responses.setOnReadyHandler(this.gate::signal);
			responses.setOnCancelHandler(this::cancelled);
			this.inputs.open();
		}

		@Override
		public void onNext(MicroserviceCallRequest request) {
			if (this.ended) {
				return;
			}
			try {
				switch (request.getKindCase()) {
					case START -> {
						if (this.start != null) {
							throw Status.INVALID_ARGUMENT
								.withDescription("a call has one CallStart, and this one had two")
								.asRuntimeException();
						}
						this.start = request.getStart();
						begin();
						this.inputs.delivered();
					}
					case FRAME -> {
						requireStarted();
						this.assembler.requireNoneInProgress();
						this.inputs.delivered(request.getFrame());
					}
					case CHUNK -> {
						requireStarted();
						Optional<io.quantra.sdk.proto.Frame> frame = this.assembler.accept(request.getChunk());
						if (frame.isPresent()) {
							this.inputs.delivered(frame.get());
						}
						else {
							this.inputs.delivered();
						}
					}
					default ->
						throw Status.INVALID_ARGUMENT.withDescription("a request must hold a start, a frame or a chunk")
							.asRuntimeException();
				}
			}
			catch (FrameAssemblyException ex) {
				refuse((ex.tooLarge() ? Status.RESOURCE_EXHAUSTED : Status.INVALID_ARGUMENT)
					.withDescription(ex.getMessage()));
			}
			catch (io.grpc.StatusRuntimeException ex) {
				refuse(ex.getStatus());
			}
		}

		@Override
		public void onError(Throwable error) {
			// The caller cancelled; the cancel handler has stopped the handler.
			this.ended = true;
		}

		@Override
		public void onCompleted() {
			if (this.ended) {
				return;
			}
			try {
				requireStarted();
				this.assembler.requireNoneInProgress();
			}
			catch (FrameAssemblyException ex) {
				refuse(Status.INVALID_ARGUMENT.withDescription(ex.getMessage()));
				return;
			}
			catch (io.grpc.StatusRuntimeException ex) {
				refuse(ex.getStatus());
				return;
			}
			this.ended = true;
			this.inputs.end();
		}

		/** Starts the plugin's handler, or answers the call with why it cannot. */
		private void begin() {
			String protocol = this.start.getProtocolVersion();
			String spoken = CallService.this.version.getProtocolVersion();
			StreamingToolHandler handler = CallService.this.handlers.get(this.start.getPluginId());
			if (!protocol.isEmpty() && !protocol.equals(spoken)) {
				answerAtOnce("UNSUPPORTED_PROTOCOL",
						"the service speaks protocol version " + spoken + ", the call asked for " + protocol);
				return;
			}
			if (handler == null) {
				answerAtOnce("UNKNOWN_PLUGIN", "this service serves " + CallService.this.handlers.keySet() + ", not '"
						+ this.start.getPluginId() + "'");
				return;
			}
			CallContext call = new CallContext(this.start, this.context);
			this.running = CallService.this.workers.submit(() -> run(handler, call));
			if (this.context.isCancelled()) {
				this.running.cancel(true);
			}
		}

		/** Ends the call with a failure without reading its inputs. */
		private void answerAtOnce(String code, String message) {
			this.ended = true;
			this.inputs.stop("the call has ended");
			this.claimed.set(true);
			CallService.this.workers.execute(() -> this.emitter.completeExceptionally(code, message, false));
		}

		private void run(StreamingToolHandler handler, CallContext call) {
			if (!this.claimed.compareAndSet(false, true)) {
				return;
			}
			Throwable failure = null;
			try {
				handler.handle(call, this.inputs, this.emitter);
			}
			catch (Throwable ex) {
				failure = ex;
			}
			this.inputs.stop("the handler has returned");
			try {
				finish(call, failure);
			}
			catch (CancellationException ex) {
				// Interrupted while sending the end: the call was cancelled, or refused.
				Status refused = this.refused;
				if (refused != null) {
					this.responses.onError(refused.asRuntimeException());
				}
			}
		}

		/** Ends the call after the handler returned or threw. */
		private void finish(CallContext call, Throwable failure) {
			Status refused = this.refused;
			if (refused != null) {
				this.responses.onError(refused.asRuntimeException());
			}
			else if (failure == null) {
				this.emitter.complete();
			}
			else if (failure instanceof ToolException ex) {
				this.emitter.completeExceptionally(ex.code(), ex.getMessage(), ex.retryable());
			}
			else if (!this.context.isCancelled()) {
				logger.log(Level.WARNING, "Plugin '" + call.pluginId() + "' failed", failure);
				String message = (failure.getMessage() != null)
						? failure.getClass().getSimpleName() + ": " + failure.getMessage()
						: failure.getClass().getSimpleName();
				this.emitter.completeExceptionally("INTERNAL_ERROR", message, false);
			}
		}

		private void cancelled() {
			this.ended = true;
			this.emitter.cancel();
			this.inputs.stop("the caller cancelled the call or its deadline passed", this::interruptHandler);
		}

		private void interruptHandler() {
			Future<?> future = this.running;
			if (future != null) {
				future.cancel(true);
			}
		}

		private void requireStarted() {
			if (this.start == null) {
				throw Status.INVALID_ARGUMENT.withDescription("a call must begin with a CallStart")
					.asRuntimeException();
			}
		}

		/**
		 * Ends the call with {@code status} because of what the caller sent. Once the
		 * handler has started, its thread sends the end: the handler is stopped first.
		 */
		private void refuse(Status status) {
			this.ended = true;
			this.refused = status;
			if (this.claimed.compareAndSet(false, true)) {
				this.inputs.stop("the caller's input was refused: " + status.getDescription());
				Future<?> future = this.running;
				if (future != null) {
					future.cancel(false);
				}
				this.responses.onError(status.asRuntimeException());
				return;
			}
			this.inputs.stop("the caller's input was refused: " + status.getDescription(), this::interruptHandler);
		}

	}

}
