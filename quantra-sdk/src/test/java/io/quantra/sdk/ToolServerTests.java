package io.quantra.sdk;

import java.io.File;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.quantra.sdk.ToolClient.CallResult;
import io.quantra.sdk.ToolClient.ProgressReport;
import io.quantra.sdk.ToolClient.ToolFailure;
import io.quantra.sdk.proto.CallStart;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import io.quantra.sdk.proto.VersionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ToolServerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final CountDownLatch interrupted = new CountDownLatch(1);

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
	void versionNamesTheServiceAndItsPlugins() {
		serve(null);

		VersionResponse version = client().version(TIMEOUT);

		assertThat(version.getServiceName()).isEqualTo("test-tool");
		assertThat(version.getServiceVersion()).isEqualTo("1.2.0");
		assertThat(version.getProtocolVersion()).isEqualTo("1");
		assertThat(version.getPluginIdsList()).containsExactly("count", "explode", "fail", "sleep");
	}

	@Test
	void versionAdvertisesTheProtocolVersionItWasBuiltFor() {
		this.server = ToolServer.builder().port(0).protocolVersion("2").handler("count", this::count).build().start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(), InsecureChannelCredentials.create())
			.build();

		assertThat(client().version(TIMEOUT).getProtocolVersion()).isEqualTo("2");
	}

	@Test
	void framesStreamBackWithProgressAndEosOnlyOnTheLast() throws Exception {
		serve(null);

		CallResult result = client().call(start("count"), List.of(frame("a"), frame("b"), frame("c")), TIMEOUT);

		assertThat(result.failure()).isEmpty();
		assertThat(result.frames()).extracting((frame) -> frame.data().get(0).contentJson())
			.containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
		assertThat(result.frames()).extracting(Frame::eos).containsExactly(false, false, true);
		assertThat(result.progress()).containsExactly(new ProgressReport(1, 3, "items"),
				new ProgressReport(2, 3, "items"), new ProgressReport(3, 3, "items"));
	}

	@Test
	void handlerThatEmitsNothingEndsWithAnEmptyEosFrame() throws Exception {
		serve(null);

		CallResult result = client().call(start("count"), List.of(), TIMEOUT);

		assertThat(result.frames()).singleElement().satisfies((frame) -> {
			assertThat(frame.data()).isEmpty();
			assertThat(frame.eos()).isTrue();
		});
	}

	@Test
	void handlerExceptionBecomesAFailureWithACode() throws Exception {
		serve(null);

		CallResult explode = client().call(start("explode"), List.of(frame("a")), TIMEOUT);
		CallResult fail = client().call(start("fail"), List.of(frame("a")), TIMEOUT);

		assertThat(explode.failure()).contains(new ToolFailure("INTERNAL_ERROR", "IllegalStateException: boom", false));
		assertThat(explode.frames()).isEmpty();
		assertThat(fail.failure())
			.contains(new ToolFailure("INVALID_CONFIG", "'language' must be one of en, de", false));
	}

	@Test
	void unknownPluginIsAFailure() throws Exception {
		serve(null);

		CallResult result = client().call(start("ocr"), List.of(), TIMEOUT);

		assertThat(result.failure()).hasValueSatisfying((failure) -> {
			assertThat(failure.code()).isEqualTo("UNKNOWN_PLUGIN");
			assertThat(failure.message()).contains("'ocr'");
		});
	}

	@Test
	void exceededDeadlineInterruptsTheHandler() throws Exception {
		serve(null);

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> client().call(start("sleep"), List.of(frame("a")), Duration.ofMillis(500)))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
		assertThat(this.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void interruptedCallerCancelsTheHandler() throws Exception {
		serve(null);
		Thread caller = new Thread(() -> {
			try {
				client().call(start("sleep"), List.of(frame("a")), TIMEOUT);
			}
			catch (InterruptedException ex) {
				// expected
			}
		});
		caller.start();
		Thread.sleep(300);
		caller.interrupt();

		assertThat(this.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
		caller.join(5000);
	}

	@Test
	void sharedSecretIsRequired() throws Exception {
		serve("s3cret");

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> client().call(start("count"), List.of(), TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
			.withMessageContaining("has no x-quantra-service-secret header");
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> client().withSharedSecret("wrong").version(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
			.withMessageContaining("does not match");
		assertThat(client().withSharedSecret("s3cret").call(start("count"), List.of(frame("a")), TIMEOUT).frames())
			.hasSize(1);
	}

	@Test
	void callMustBeginWithAStart() throws Exception {
		serve(null);
		CompletableFuture<Throwable> error = new CompletableFuture<>();

		StreamObserver<MicroserviceCallRequest> requests = MicroServiceGrpc.newStub(this.channel)
			.call(new StreamObserver<>() {
				@Override
				public void onNext(MicroserviceCallResponse response) {
				}

				@Override
				public void onError(Throwable t) {
					error.complete(t);
				}

				@Override
				public void onCompleted() {
					error.complete(null);
				}
			});
		requests.onNext(MicroserviceCallRequest.newBuilder().setFrame(frame("a").toMessage()).build());
		requests.onCompleted();

		assertThat(Status.fromThrowable(error.get(5, TimeUnit.SECONDS)).getCode())
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void healthIsServingUntilShutdown() throws Exception {
		serve(null);
		HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(this.channel);
		assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
		assertThat(health.check(HealthCheckRequest.newBuilder().setService(MicroServiceGrpc.SERVICE_NAME).build())
			.getStatus()).isEqualTo(ServingStatus.SERVING);

		// A watch opened before the shutdown sees the status change; it is cancelled so
		// the
		// graceful shutdown need not wait for it.
		Context.CancellableContext watch = Context.current().withCancellation();
		Iterator<HealthCheckResponse> statuses = watch
			.call(() -> HealthGrpc.newBlockingStub(this.channel).watch(HealthCheckRequest.getDefaultInstance()));
		assertThat(statuses.next().getStatus()).isEqualTo(ServingStatus.SERVING);
		CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> {
			try {
				return this.server.shutdown(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(statuses.next().getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
		watch.cancel(null);
		assertThat(shutdown.get(10, TimeUnit.SECONDS)).isTrue();
		this.server = null;
	}

	@Test
	void shutdownLetsACallInFlightFinish() throws Exception {
		serve(null);
		CompletableFuture<CallResult> slow = CompletableFuture.supplyAsync(() -> {
			try {
				return client().call(start("sleep"), List.of(frame("300")), TIMEOUT);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);

		assertThat(this.server.shutdown(Duration.ofSeconds(5))).isTrue();
		assertThat(slow.get(5, TimeUnit.SECONDS).frames()).singleElement()
			.satisfies((f) -> assertThat(f.eos()).isTrue());
		this.server = null;
	}

	@Test
	void anAuthorizationRequestReachesTheCallerWhileTheHandlerWaits() throws Exception {
		CountDownLatch authorized = new CountDownLatch(1);
		this.server = ToolServer.builder().port(0).handler("calendar", (call, inputs, out) -> {
			out.emit(frame("before"));
			out.requestAuthorization("https://accounts.example.com/authorize?state=s-1");
			if (!authorized.await(5, TimeUnit.SECONDS)) {
				throw new ToolException("AUTHORIZATION_MISSING", "no one authorised", false);
			}
			out.emit(frame("after"));
		}).build().start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(), InsecureChannelCredentials.create())
			.build();
		List<Frame> seen = new java.util.ArrayList<>();

		var failure = client().stream(start("calendar"), List.of(), TIMEOUT, new ToolClient.CallListener() {
			@Override
			public void onFrame(Frame frame) {
				seen.add(frame);
				if (frame.oauth2Url() != null) {
					// the user follows the link; the handler is still waiting for it
					authorized.countDown();
				}
			}
		});

		assertThat(failure).isEmpty();
		assertThat(seen).extracting(Frame::oauth2Url)
			.containsExactly(null, "https://accounts.example.com/authorize?state=s-1", null);
		assertThat(seen).extracting(Frame::eos).containsExactly(false, false, true);
		assertThat(seen.get(2).data().get(0).contentJson()).isEqualTo("{\"text\":\"after\"}");
	}

	@Test
	void aListenerThatCannotTakeAFrameCancelsTheCall() throws Exception {
		serve(null);

		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(
				() -> client().stream(start("count"), List.of(frame("a")), TIMEOUT, new ToolClient.CallListener() {
					@Override
					public void onFrame(Frame frame) {
						throw new IllegalArgumentException("not JSON");
					}
				}))
			.satisfies((ex) -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
				assertThat(ex.getStatus().getDescription()).contains("not JSON");
			});
	}

	@Test
	void servesTlsWithTheGivenCertificate() throws Exception {
		File cert = new File(getClass().getResource("/tls/cert.pem").toURI());
		File key = new File(getClass().getResource("/tls/key.pem").toURI());
		this.server = ToolServer.builder().port(0).handler("count", this::count).tls(cert, key).build().start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(),
					TlsChannelCredentials.newBuilder().trustManager(cert).build())
			.build();

		assertThat(client().call(start("count"), List.of(frame("a")), TIMEOUT).frames()).hasSize(1);
	}

	private void serve(String secret) {
		this.server = ToolServer.builder()
			.port(0)
			.name("test-tool")
			.version("1.2.0")
			.sharedSecret(secret)
			.handler("count", this::count)
			.handler("sleep", this::sleep)
			.handler("explode", (call, inputs, out) -> {
				throw new IllegalStateException("boom");
			})
			.handler("fail", (call, inputs, out) -> {
				throw new ToolException("INVALID_CONFIG", "'language' must be one of en, de", false);
			})
			.build()
			.start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(), InsecureChannelCredentials.create())
			.build();
	}

	private void count(CallContext call, List<Frame> inputs, FrameEmitter out) {
		for (int i = 0; i < inputs.size(); i++) {
			out.emit(Frame.of(new Frame.Item("{}", "{\"n\":" + (i + 1) + "}")));
			out.progress(i + 1, inputs.size(), "items");
		}
	}

	private void sleep(CallContext call, List<Frame> inputs, FrameEmitter out) throws InterruptedException {
		String content = inputs.get(0).data().get(0).contentJson();
		long millis = content.matches("\\{\"text\":\"\\d+\"}") ? Long.parseLong(content.replaceAll("\\D", "")) : 60_000;
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			this.interrupted.countDown();
			throw ex;
		}
		out.emit(inputs.get(0));
	}

	private ToolClient client() {
		return ToolClient.of(this.channel);
	}

	private static CallStart start(String pluginId) {
		return CallStart.newBuilder().setPluginId(pluginId).setNodeConfigJson("{}").setCorrelationId("c-1").build();
	}

	private static Frame frame(String text) {
		return Frame.of(new Frame.Item("{}", "{\"text\":\"" + text + "\"}"));
	}

}
