package io.quantra.services;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginContext;
import io.quantra.sdk.CallContext;
import io.quantra.sdk.FrameEmitter;
import io.quantra.sdk.FrameSource;
import io.quantra.sdk.ToolClient;
import io.quantra.sdk.ToolServer;
import io.quantra.sdk.proto.CallStart;
import io.quantra.sdk.proto.Item;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import io.quantra.sdk.proto.OAuth2;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of one call stream on loopback, in one process: N frames go out and come
 * back through an echo, three ways.
 * <ul>
 * <li>{@code bare}: a plain grpc-java bidirectional echo of the same {@code Frame}
 * messages (a {@code MicroService} whose {@code Call} answers each request's frame at
 * once), no SDK, no chunking;</li>
 * <li>{@code sdk}: {@link ToolClient#call} against a {@link ToolServer} whose streaming
 * handler emits every input frame as it arrives, as text-stats' {@code echo} does;</li>
 * <li>{@code platform}: the same echo run as a node runs it, through
 * {@link RemoteTool#frames} on the server's own channel: its input frames are JSON trees
 * as the engine hands them over, written out one by one as gRPC takes them, and the
 * answer is checked as JSON as it arrives.</li>
 * </ul>
 * For reference it also times that conversion alone, without a call ({@code convert}).
 * Each case runs its warm-up rounds, then measured rounds with the three ways interleaved
 * so that drift on a shared machine hits them alike. MB/s counts the serialized frames of
 * one direction (10^6 bytes).
 * <p>
 * {@code java ... io.quantra.services.GrpcThroughputBenchmark [warm-up] [rounds]}
 * (defaults 5 and 10), {@code -Dways=bare,sdk,platform,convert} to run only some of them
 * (for a profile); {@code bench/grpc.sh} builds the class path and runs it.
 */
public final class GrpcThroughputBenchmark {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private GrpcThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int warmup = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		List<Case> cases = List.of(new Case("16 KB", 2000, 16 * 1024), new Case("1 MB", 20, 1_000_000));
		JsonMapper json = JsonMapper.builder().build();
		ServiceChannels channels = new ServiceChannels(new ServiceProperties(null, null, null, null));
		Server bare = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(new BareEcho())
			.build()
			.start();
		ToolServer tool = ToolServer.builder()
			.name("bench")
			.port(0)
			.handler("echo", (CallContext call, FrameSource inputs, FrameEmitter out) -> {
				for (io.quantra.sdk.Frame frame = inputs.next(); frame != null; frame = inputs.next()) {
					out.emit(frame);
				}
			})
			.build()
			.start();
		ManagedChannel bareChannel = channel(bare.getPort());
		ManagedChannel toolChannel = channel(tool.port());
		RemoteTool conversion = new RemoteTool("echo", FixedEndpoints.local(tool.port(), List.of("echo")), channels,
				json);
		try {
			ToolClient client = ToolClient.of(toolChannel);
			MicroServiceGrpc.MicroServiceStub stub = MicroServiceGrpc.newStub(bareChannel);
			System.out.printf("warm-up %d rounds, %d measured rounds per way; medians (min-max)%n", warmup, rounds);
			for (Case c : cases) {
				run(c, warmup, rounds, stub, client, conversion, json);
			}
		}
		finally {
			bareChannel.shutdownNow();
			toolChannel.shutdownNow();
			channels.destroy();
			bare.shutdownNow();
			tool.shutdown(Duration.ofSeconds(1));
		}
	}

	private static ManagedChannel channel(int port) {
		return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
	}

	private static void run(Case c, int warmup, int rounds, MicroServiceGrpc.MicroServiceStub stub, ToolClient client,
			RemoteTool conversion, JsonMapper json) throws Exception {
		List<io.quantra.sdk.proto.Frame> messages = c.messages();
		long bytes = messages.stream().mapToLong(io.quantra.sdk.proto.Frame::getSerializedSize).sum();
		List<io.quantra.sdk.Frame> sdkFrames = messages.stream().map(io.quantra.sdk.Frame::fromMessage).toList();
		// as the engine hands them to a node: parsed from the stored output
		List<Frame> platformFrames = sdkFrames.stream().map((frame) -> tree(frame, json)).toList();
		CallStart start = CallStart.newBuilder().setPluginId("echo").setNodeConfigJson("{}").build();
		Way[] ways = { () -> bareEcho(stub, messages), () -> client.call(start, sdkFrames, TIMEOUT).frames().size(),
				() -> platformEcho(conversion, platformFrames, json), () -> convertOnly(platformFrames, conversion) };
		String[] names = { "bare grpc-java", "sdk ToolClient", "platform (RemoteTool, as a node)",
				"(conversion alone, no call)" };
		String[] keys = { "bare", "sdk", "platform", "convert" };
		List<String> chosen = List.of(System.getProperty("ways", "bare,sdk,platform,convert").split(","));
		for (int w = 0; w < ways.length; w++) {
			if (!chosen.contains(keys[w])) {
				ways[w] = null;
			}
		}
		for (int i = 0; i < warmup; i++) {
			for (Way way : ways) {
				if (way != null) {
					time(way, c.count);
				}
			}
		}
		double[][] seconds = new double[ways.length][rounds];
		for (int i = 0; i < rounds; i++) {
			for (int w = 0; w < ways.length; w++) {
				seconds[w][i] = (ways[w] != null) ? time(ways[w], c.count) : Double.NaN;
			}
		}
		System.out.printf("%n%d frames of %s content (%.1f MB serialized) through one stream and back%n", c.count,
				c.label, bytes / 1e6);
		double bareMedian = median(seconds[0]);
		for (int w = 0; w < ways.length; w++) {
			double[] s = seconds[w];
			if (ways[w] == null) {
				continue;
			}
			double med = median(s);
			double min = Arrays.stream(s).min().getAsDouble();
			double max = Arrays.stream(s).max().getAsDouble();
			System.out.printf("  %-34s %8.0f frames/s (%.0f-%.0f)  %7.1f MB/s (%.1f-%.1f)  %s%n", names[w],
					c.count / med, c.count / max, c.count / min, bytes / 1e6 / med, bytes / 1e6 / max,
					bytes / 1e6 / min, Double.isNaN(bareMedian) ? "" : String.format("%.2fx bare", bareMedian / med));
		}
	}

	private static double time(Way way, int expected) throws Exception {
		long began = System.nanoTime();
		int received = way.echo();
		double seconds = (System.nanoTime() - began) / 1e9;
		if (received != expected) {
			throw new IllegalStateException("expected " + expected + " frames back, got " + received);
		}
		return seconds;
	}

	private static int platformEcho(RemoteTool remote, List<Frame> frames, JsonMapper json) throws Exception {
		return remote
			.frames(new PluginContext("00000000-0000-0000-0000-000000000001", 1, "node_1", json.readTree("{}"),
					json.readTree("{}"), frames, Map.of(), PluginContext.Progress.NONE))
			.size();
	}

	private static Frame tree(io.quantra.sdk.Frame frame, JsonMapper json) {
		List<Frame.Item> items = frame.data()
			.stream()
			.map((item) -> new Frame.Item(json.readTree(item.metaJson()), json.readTree(item.contentJson())))
			.toList();
		return new Frame(new Frame.OAuth2(null), items, frame.tod(), frame.eos());
	}

	/** The platform's conversion of the frames there and back, without a call. */
	private static int convertOnly(List<Frame> frames, RemoteTool conversion) {
		int converted = 0;
		for (Frame frame : frames) {
			if (conversion.fromSdk(conversion.toSdk(frame)) != null) {
				converted++;
			}
		}
		return converted;
	}

	/**
	 * Sends the frames as gRPC's flow control lets it (as the SDK does) and counts the
	 * frames that come back.
	 */
	private static int bareEcho(MicroServiceGrpc.MicroServiceStub stub, List<io.quantra.sdk.proto.Frame> frames)
			throws Exception {
		CompletableFuture<Integer> done = new CompletableFuture<>();
		stub.withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.call(new ClientResponseObserver<MicroserviceCallRequest, MicroserviceCallResponse>() {

				private int next;

				private int received;

				private boolean closed;

				@Override
				public void beforeStart(ClientCallStreamObserver<MicroserviceCallRequest> requests) {
					requests.setOnReadyHandler(() -> {
						while (requests.isReady() && !this.closed) {
							if (this.next == frames.size()) {
								this.closed = true;
								requests.onCompleted();
								return;
							}
							requests
								.onNext(MicroserviceCallRequest.newBuilder().setFrame(frames.get(this.next++)).build());
						}
					});
				}

				@Override
				public void onNext(MicroserviceCallResponse response) {
					if (response.hasFrame()) {
						this.received++;
					}
				}

				@Override
				public void onError(Throwable error) {
					done.completeExceptionally(error);
				}

				@Override
				public void onCompleted() {
					done.complete(this.received);
				}

			});
		return done.get();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	@FunctionalInterface
	private interface Way {

		/** Echoes the frames once; returns how many came back. */
		int echo() throws Exception;

	}

	private record Case(String label, int count, int contentSize) {

		/** Frames of one item each: a small meta, a text of about contentSize bytes. */
		List<io.quantra.sdk.proto.Frame> messages() {
			String filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit ".repeat(contentSize / 56 + 1)
				.substring(0, contentSize - 11);
			String content = "{\"text\":\"" + filler + "\"}";
			List<io.quantra.sdk.proto.Frame> frames = new ArrayList<>(this.count);
			for (int i = 0; i < this.count; i++) {
				frames.add(io.quantra.sdk.proto.Frame.newBuilder()
					.setOauth2(OAuth2.getDefaultInstance())
					.addData(Item.newBuilder()
						.setMetaJson("{\"filename\":\"doc_" + i + ".txt\",\"page\":1}")
						.setContentJson(content))
					.setTod("object")
					.build());
			}
			return frames;
		}

	}

	/** Answers each request's frame with the same frame, at once. */
	private static final class BareEcho extends MicroServiceGrpc.MicroServiceImplBase {

		@Override
		public StreamObserver<MicroserviceCallRequest> call(StreamObserver<MicroserviceCallResponse> responses) {
			return new StreamObserver<>() {

				@Override
				public void onNext(MicroserviceCallRequest request) {
					if (request.hasFrame()) {
						responses.onNext(MicroserviceCallResponse.newBuilder().setFrame(request.getFrame()).build());
					}
				}

				@Override
				public void onError(Throwable error) {
				}

				@Override
				public void onCompleted() {
					responses.onCompleted();
				}

			};
		}

	}

}
