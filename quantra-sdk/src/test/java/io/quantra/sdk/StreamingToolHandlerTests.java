package io.quantra.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.quantra.sdk.ToolClient.CallResult;
import io.quantra.sdk.proto.CallStart;
import io.quantra.sdk.proto.Chunk;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamingToolHandlerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/**
	 * What a handler saw when it stopped: the exception, and whether it was interrupted.
	 */
	private final CompletableFuture<Stopped> stopped = new CompletableFuture<>();

	private final CountDownLatch firstRead = new CountDownLatch(1);

	private ToolServer server;

	private ManagedChannel channel;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.channel != null) {
			this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
		if (this.server != null) {
			this.server.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void outputFlowsBackBeforeTheCallerHasSentItsLastInput() throws Exception {
		serve((builder) -> builder.handler("echo", StreamingToolHandlerTests::echo));
		RawCall call = RawCall.open(this.channel);

		call.send(start("echo"));
		call.send(frame("a"));
		call.send(frame("b"));
		// The SDK holds the newest output back until the next emit (for eos), so the
		// echo of "a" leaves once "b" is emitted: before the caller sends "c".
		MicroserviceCallResponse first = call.responses.poll(10, TimeUnit.SECONDS);
		assertThat(first).isNotNull();
		assertThat(first.getFrame().getData(0).getContentJson()).isEqualTo("{\"text\":\"a\"}");
		call.send(frame("c"));
		call.requests.onCompleted();

		assertThat(call.status.get(10, TimeUnit.SECONDS).isOk()).isTrue();
		List<MicroserviceCallResponse> rest = new ArrayList<>();
		call.responses.drainTo(rest);
		assertThat(rest).extracting((response) -> response.getFrame().getData(0).getContentJson())
			.containsExactly("{\"text\":\"b\"}", "{\"text\":\"c\"}");
		assertThat(rest).extracting((response) -> response.getFrame().getEos()).containsExactly(false, true);
		assertThat(first.getFrame().getEos()).isFalse();
	}

	@Test
	void aHandlerThatDoesNotReadHoldsTheCallerBack() throws Exception {
		CountDownLatch read = new CountDownLatch(1);
		serve((builder) -> builder.handler("count", (CallContext call, FrameSource inputs, FrameEmitter out) -> {
			read.await();
			out.emit(text(Integer.toString(inputs.remaining().size())));
		}));
		int total = 256;
		AtomicInteger sent = new AtomicInteger();
		io.quantra.sdk.proto.Frame frame = text("x".repeat(64 * 1024)).toMessage();
		AtomicBoolean started = new AtomicBoolean();
		RawCall call = RawCall.open(this.channel, (requests) -> {
			if (started.compareAndSet(false, true)) {
				requests.onNext(start("count"));
			}
			while (requests.isReady() && sent.get() <= total) {
				if (sent.get() == total) {
					requests.onCompleted();
					sent.incrementAndGet();
					return;
				}
				requests.onNext(MicroserviceCallRequest.newBuilder().setFrame(frame).build());
				sent.incrementAndGet();
			}
		});

		// The caller sends while gRPC lets it, and stalls once the service stops reading.
		int before;
		do {
			before = sent.get();
			Thread.sleep(500);
		}
		while (sent.get() != before);
		assertThat(sent.get()).as("frames of 64 KB sent while the handler read none").isLessThan(total / 4);

		read.countDown();
		assertThat(call.status.get(10, TimeUnit.SECONDS).isOk()).isTrue();
		assertThat(call.responses.poll().getFrame().getData(0).getContentJson())
			.isEqualTo("{\"text\":\"" + total + "\"}");
	}

	@Test
	void aChunkedFrameArrivesWholeAndByteExact() throws Exception {
		serve((builder) -> builder.handler("echo", StreamingToolHandlerTests::echo));
		String large = "Rechnung — 1.250,00 € 𝄞 \\\"zitiert\\\"\\n".repeat(5 * 1024 * 1024 / 40);
		List<Frame> inputs = List.of(text("before"), text(large), text("after"));

		CallResult result = ToolClient.of(this.channel)
			.call(CallStart.newBuilder().setPluginId("echo").build(), inputs, TIMEOUT);

		assertThat(inputs.get(1).toMessage().getSerializedSize()).isGreaterThan(5_000_000);
		assertThat(result.failure()).isEmpty();
		assertThat(result.frames()).extracting((frame) -> frame.data().get(0).contentJson())
			.containsExactly("{\"text\":\"before\"}", "{\"text\":\"" + large + "\"}", "{\"text\":\"after\"}");
		assertThat(result.frames()).extracting(Frame::eos).containsExactly(false, false, true);
	}

	@Test
	void aFrameLargerThanTheBoundIsRefusedAndStopsTheHandler() throws Exception {
		serve((builder) -> builder.maxAssembledSize(2 * 1024 * 1024).handler("echo", this::echoUntilStopped));
		List<Frame> inputs = List.of(text("small"), text("x".repeat(5 * 1024 * 1024)));

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> ToolClient.of(this.channel)
				.call(CallStart.newBuilder().setPluginId("echo").build(), inputs, TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED))
			.withMessageContaining("larger than the 2097152 bytes allowed");
	}

	@Test
	void brokenChunksWhileTheHandlerReadsAreRefused() throws Exception {
		serve((builder) -> builder.handler("echo", this::echoUntilStopped));
		RawCall call = RawCall.open(this.channel);

		call.send(start("echo"));
		call.send(frame("a"));
		assertThat(this.firstRead.await(5, TimeUnit.SECONDS)).isTrue();
		call.send(MicroserviceCallRequest.newBuilder()
			.setChunk(Chunk.newBuilder().setFrameId("7").setIndex(1).setData(ByteString.copyFromUtf8("{}")))
			.build());

		Status status = call.status.get(10, TimeUnit.SECONDS);
		assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status.getDescription()).contains("chunk 1 of frame '7' came first");
		assertThat(this.stopped.get(5, TimeUnit.SECONDS).exception()).isInstanceOf(CancellationException.class);
	}

	@Test
	void aSecondStartWhileTheHandlerReadsIsRefused() throws Exception {
		serve((builder) -> builder.handler("echo", this::echoUntilStopped));
		RawCall call = RawCall.open(this.channel);

		call.send(start("echo"));
		call.send(frame("a"));
		call.send(start("echo"));

		Status status = call.status.get(10, TimeUnit.SECONDS);
		assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status.getDescription()).isEqualTo("a call has one CallStart, and this one had two");
	}

	@Test
	void cancellingInterruptsAHandlerWaitingForInput() throws Exception {
		serve((builder) -> builder.handler("wait", (CallContext call, FrameSource inputs, FrameEmitter out) -> {
			inputs.next();
			this.firstRead.countDown();
			waitForInputs(inputs);
		}));
		RawCall call = RawCall.open(this.channel);
		call.send(start("wait"));
		call.send(frame("a"));
		assertThat(this.firstRead.await(5, TimeUnit.SECONDS)).isTrue();

		call.requests.cancel("the run was cancelled", null);

		Stopped stopped = this.stopped.get(5, TimeUnit.SECONDS);
		assertThat(stopped.exception()).isInstanceOf(CancellationException.class)
			.hasMessageContaining("cancelled the call");
		assertThat(stopped.interrupted()).isTrue();
	}

	@Test
	void aPassedDeadlineStopsAHandlerWaitingForInput() throws Exception {
		serve((builder) -> builder.handler("wait",
				(CallContext call, FrameSource inputs, FrameEmitter out) -> waitForInputs(inputs)));
		RawCall call = RawCall
			.open(MicroServiceGrpc.newStub(this.channel).withDeadlineAfter(300, TimeUnit.MILLISECONDS), null);
		call.send(start("wait"));

		assertThat(call.status.get(5, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
		assertThat(this.stopped.get(5, TimeUnit.SECONDS).exception()).isInstanceOf(CancellationException.class);
	}

	@Test
	void aHandlerCanReturnBeforeReadingEveryInput() throws Exception {
		serve((builder) -> builder.handler("first",
				(CallContext call, FrameSource inputs, FrameEmitter out) -> out.emit(inputs.next())));

		CallResult result = ToolClient.of(this.channel)
			.call(CallStart.newBuilder().setPluginId("first").build(),
					List.of(text("a"), text("b"), text("x".repeat(3 * 1024 * 1024))), TIMEOUT);

		assertThat(result.failure()).isEmpty();
		assertThat(result.frames()).singleElement()
			.satisfies((frame) -> assertThat(frame.data().get(0).contentJson()).isEqualTo("{\"text\":\"a\"}"));
	}

	@Test
	void aHandlerRunsWithoutAServer() throws Exception {
		List<Frame> emitted = new ArrayList<>();
		FrameEmitter out = new FrameEmitter() {
			@Override
			public void emit(Frame frame) {
				emitted.add(frame);
			}

			@Override
			public void progress(long done, long total, String unit) {
			}

			@Override
			public void fail(String code, String message, boolean retryable) {
			}
		};

		echo(CallContext.of("echo", "{}"), FrameSource.of(List.of(text("a"), text("b"))), out);

		assertThat(emitted).containsExactly(text("a"), text("b"));
	}

	private static void echo(CallContext call, FrameSource inputs, FrameEmitter out) throws InterruptedException {
		for (Frame frame = inputs.next(); frame != null; frame = inputs.next()) {
			out.emit(frame);
		}
	}

	/** Echoes its inputs, and reports how it was stopped. */
	private void echoUntilStopped(CallContext call, FrameSource inputs, FrameEmitter out) {
		try {
			for (Frame frame = inputs.next(); frame != null; frame = inputs.next()) {
				this.firstRead.countDown();
				out.emit(frame);
			}
		}
		catch (Exception ex) {
			this.stopped.complete(new Stopped(ex, Thread.currentThread().isInterrupted()));
		}
	}

	/** Reads inputs until there are none, and reports how it was stopped. */
	private void waitForInputs(FrameSource inputs) {
		try {
			while (inputs.next() != null) {
				// reads on
			}
			this.stopped.complete(new Stopped(null, false));
		}
		catch (Exception ex) {
			this.stopped.complete(new Stopped(ex, Thread.currentThread().isInterrupted()));
		}
	}

	private void serve(UnaryOperator<ToolServer.Builder> handlers) {
		this.server = handlers.apply(ToolServer.builder().port(0).name("streaming-tool")).build().start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(), InsecureChannelCredentials.create())
			.build();
	}

	private static MicroserviceCallRequest start(String pluginId) {
		return MicroserviceCallRequest.newBuilder()
			.setStart(CallStart.newBuilder().setProtocolVersion("1").setPluginId(pluginId))
			.build();
	}

	private static MicroserviceCallRequest frame(String text) {
		return MicroserviceCallRequest.newBuilder().setFrame(text(text).toMessage()).build();
	}

	private static Frame text(String text) {
		return Frame.of(new Frame.Item("{}", "{\"text\":\"" + text + "\"}"));
	}

	private record Stopped(Exception exception, boolean interrupted) {
	}

	/**
	 * A call through the generated stub, for sending what {@link ToolClient} would not,
	 * when it would not: responses are queued as they come.
	 */
	private static final class RawCall
			implements ClientResponseObserver<MicroserviceCallRequest, MicroserviceCallResponse> {

		final BlockingQueue<MicroserviceCallResponse> responses = new LinkedBlockingQueue<>();

		final CompletableFuture<Status> status = new CompletableFuture<>();

		private final java.util.function.Consumer<ClientCallStreamObserver<MicroserviceCallRequest>> onReady;

		ClientCallStreamObserver<MicroserviceCallRequest> requests;

		private RawCall(java.util.function.Consumer<ClientCallStreamObserver<MicroserviceCallRequest>> onReady) {
			this.onReady = onReady;
		}

		static RawCall open(ManagedChannel channel) {
			return open(MicroServiceGrpc.newStub(channel), null);
		}

		static RawCall open(ManagedChannel channel,
				java.util.function.Consumer<ClientCallStreamObserver<MicroserviceCallRequest>> onReady) {
			return open(MicroServiceGrpc.newStub(channel), onReady);
		}

		static RawCall open(MicroServiceGrpc.MicroServiceStub stub,
				java.util.function.Consumer<ClientCallStreamObserver<MicroserviceCallRequest>> onReady) {
			RawCall call = new RawCall(onReady);
			stub.call(call);
			return call;
		}

		synchronized void send(MicroserviceCallRequest request) {
			this.requests.onNext(request);
		}

		@Override
		public void beforeStart(ClientCallStreamObserver<MicroserviceCallRequest> requests) {
			this.requests = requests;
			if (this.onReady != null) {
				requests.setOnReadyHandler(() -> {
					synchronized (this) {
						this.onReady.accept(requests);
					}
				});
			}
		}

		@Override
		public void onNext(MicroserviceCallResponse response) {
			this.responses.add(response);
		}

		@Override
		public void onError(Throwable error) {
			this.status.complete(Status.fromThrowable(error));
		}

		@Override
		public void onCompleted() {
			this.status.complete(Status.OK);
		}

	}

}
