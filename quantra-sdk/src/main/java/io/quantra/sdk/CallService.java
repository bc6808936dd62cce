package io.quantra.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
 * The {@code MicroService} of a {@link ToolServer}: collects a call's start and input
 * frames, then runs the plugin's handler on a worker thread, which the call's
 * cancellation interrupts.
 */
final class CallService extends MicroServiceGrpc.MicroServiceImplBase {

	private static final Logger logger = Logger.getLogger(CallService.class.getName());

	private final Map<String, ToolHandler> handlers;

	private final VersionResponse version;

	private final ExecutorService workers;

	private final int maxFrameSize;

	private final long maxAssembledSize;

	CallService(Map<String, ToolHandler> handlers, VersionResponse version, ExecutorService workers, int maxFrameSize,
			long maxAssembledSize) {
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

	private final class InboundCall implements StreamObserver<MicroserviceCallRequest> {

		private final ServerCallStreamObserver<MicroserviceCallResponse> responses;

		private final Context context;

		private final FlowGate gate = new FlowGate();

		private final CallEmitter emitter;

		private final FrameAssembler assembler = new FrameAssembler(CallService.this.maxAssembledSize);

		private final List<Frame> inputs = new ArrayList<>();

		private CallStart start;

		private boolean ended;

		private volatile Future<?> running;

		InboundCall(ServerCallStreamObserver<MicroserviceCallResponse> responses, Context context) {
			this.responses = responses;
			this.context = context;
			this.emitter = new CallEmitter(responses, new FrameChunker(CallService.this.maxFrameSize), this.gate);
			responses.setOnReadyHandler(this.gate::signal);
			responses.setOnCancelHandler(this::cancelled);
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
					}
					case FRAME -> {
						requireStarted();
						this.assembler.requireNoneInProgress();
						this.inputs.add(Frame.fromMessage(request.getFrame()));
					}
					case CHUNK -> {
						requireStarted();
						this.assembler.accept(request.getChunk()).map(Frame::fromMessage).ifPresent(this.inputs::add);
					}
					default ->
						throw Status.INVALID_ARGUMENT.withDescription("a request must hold a start, a frame or a chunk")
							.asRuntimeException();
				}
			}
			catch (FrameAssemblyException ex) {
				end((ex.tooLarge() ? Status.RESOURCE_EXHAUSTED : Status.INVALID_ARGUMENT)
					.withDescription(ex.getMessage()));
			}
			catch (io.grpc.StatusRuntimeException ex) {
				end(ex.getStatus());
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
				end(Status.INVALID_ARGUMENT.withDescription(ex.getMessage()));
				return;
			}
			catch (io.grpc.StatusRuntimeException ex) {
				end(ex.getStatus());
				return;
			}
			this.ended = true;
			ToolHandler handler = CallService.this.handlers.get(this.start.getPluginId());
			String protocol = this.start.getProtocolVersion();
			if (!protocol.isEmpty() && !protocol.equals(ToolServer.PROTOCOL_VERSION)) {
				CallService.this.workers
					.execute(
							() -> this.emitter
								.completeExceptionally(
										"UNSUPPORTED_PROTOCOL", "the service speaks protocol version "
												+ ToolServer.PROTOCOL_VERSION + ", the call asked for " + protocol,
										false));
				return;
			}
			if (handler == null) {
				CallService.this.workers
					.execute(() -> this.emitter.completeExceptionally("UNKNOWN_PLUGIN", "this service serves "
							+ CallService.this.handlers.keySet() + ", not '" + this.start.getPluginId() + "'", false));
				return;
			}
			CallContext call = new CallContext(this.start, this.context);
			List<Frame> frames = List.copyOf(this.inputs);
			this.inputs.clear();
			this.running = CallService.this.workers.submit(() -> run(handler, call, frames));
			if (this.context.isCancelled()) {
				this.running.cancel(true);
			}
		}

		private void run(ToolHandler handler, CallContext call, List<Frame> frames) {
			try {
				handler.handle(call, frames, this.emitter);
				this.emitter.complete();
			}
			catch (ToolException ex) {
				this.emitter.completeExceptionally(ex.code(), ex.getMessage(), ex.retryable());
			}
			catch (Throwable ex) {
				if (this.context.isCancelled()) {
					return;
				}
				logger.log(Level.WARNING, "Plugin '" + call.pluginId() + "' failed", ex);
				String message = (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
						: ex.getClass().getSimpleName();
				this.emitter.completeExceptionally("INTERNAL_ERROR", message, false);
			}
		}

		private void cancelled() {
			this.ended = true;
			this.emitter.cancel();
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

		private void end(Status status) {
			this.ended = true;
			this.responses.onError(status.asRuntimeException());
		}

	}

}
