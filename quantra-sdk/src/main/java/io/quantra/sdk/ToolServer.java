package io.quantra.sdk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.VersionResponse;

/**
 * A tool microservice: serves the {@code MicroService} of {@code microservice.proto} for
 * one or more plugin ids, each with a {@link ToolHandler} or a
 * {@link StreamingToolHandler}, with the standard gRPC health service beside it.
 *
 * <pre>{@code
 * ToolServer server = ToolServer.builder()
 *     .name("text-stats").version("1.2.0").port(50051)
 *     .handler("text_stats", new TextStats())
 *     .sharedSecret(System.getenv("QUANTRA_SERVICE_SECRET"))
 *     .build()
 *     .start();
 * server.awaitTermination();
 * }</pre>
 */
public final class ToolServer implements AutoCloseable {

	/** The version of {@code microservice.proto} this SDK speaks. */
	public static final String PROTOCOL_VERSION = "1";

	/** The metadata header that carries the shared secret. */
	public static final String SECRET_HEADER = "x-quantra-service-secret";

	private final Builder settings;

	private final HealthStatusManager health = new HealthStatusManager();

	private final ExecutorService workers;

	private final Server server;

	private ToolServer(Builder settings) {
		this.settings = settings;
		this.workers = Executors.newCachedThreadPool(new WorkerThreads(settings.name));
		VersionResponse version = VersionResponse.newBuilder()
			.setServiceName(settings.name)
			.setServiceVersion(settings.version)
			.setProtocolVersion(settings.protocolVersion)
			.addAllPluginIds(new TreeSet<>(settings.handlers.keySet()))
			.build();
		CallService calls = new CallService(Map.copyOf(settings.handlers), version, this.workers, settings.maxFrameSize,
				settings.maxAssembledSize);
		this.server = Grpc.newServerBuilderForPort(settings.port, credentials(settings))
			// Whole frames are at most maxFrameSize; the margin covers the chunk's own
			// fields.
			.maxInboundMessageSize(Math.max(4 * 1024 * 1024, settings.maxFrameSize + 64 * 1024))
			.addService((settings.sharedSecret != null)
					? ServerInterceptors.intercept(calls, new SharedSecretInterceptor(settings.sharedSecret))
					: calls.bindService())
			.addService(this.health.getHealthService())
			.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Starts listening and reports SERVING. */
	public ToolServer start() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not listen on port " + this.settings.port, ex);
		}
		this.health.setStatus("", ServingStatus.SERVING);
		this.health.setStatus(MicroServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
		return this;
	}

	/** The port the server listens on; the chosen one when it was built with port 0. */
	public int port() {
		return this.server.getPort();
	}

	/**
	 * Shuts down gracefully: reports NOT_SERVING so health checks route callers
	 * elsewhere, stops accepting calls, lets calls in flight finish within {@code grace},
	 * then cancels the rest (their handlers are interrupted).
	 * @return whether every call finished within the grace period
	 */
	public boolean shutdown(Duration grace) throws InterruptedException {
		this.health.enterTerminalState();
		this.server.shutdown();
		boolean finished = this.server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			this.server.shutdownNow();
			this.server.awaitTermination(5, TimeUnit.SECONDS);
		}
		this.workers.shutdownNow();
		return finished;
	}

	/** Blocks until the server has terminated. */
	public void awaitTermination() throws InterruptedException {
		this.server.awaitTermination();
	}

	/** Shuts down with the builder's grace period. */
	@Override
	public void close() throws InterruptedException {
		if (!this.server.isTerminated()) {
			shutdown(this.settings.shutdownGrace);
		}
	}

	private static ServerCredentials credentials(Builder settings) {
		if (settings.certificateChain == null) {
			return InsecureServerCredentials.create();
		}
		try {
			return TlsServerCredentials.create(settings.certificateChain, settings.privateKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the TLS certificate " + settings.certificateChain
					+ " or its key " + settings.privateKey, ex);
		}
	}

	/** Settings of a {@link ToolServer}. */
	public static final class Builder {

		private final Map<String, StreamingToolHandler> handlers = new LinkedHashMap<>();

		private int port = 50051;

		private String name = "quantra-tool";

		private String version = "0.0.0";

		private String protocolVersion = PROTOCOL_VERSION;

		private String sharedSecret;

		private File certificateChain;

		private File privateKey;

		private int maxFrameSize = FrameChunker.DEFAULT_MAX_FRAME_SIZE;

		private long maxAssembledSize = FrameAssembler.DEFAULT_MAX_ASSEMBLED_SIZE;

		private Duration shutdownGrace = Duration.ofSeconds(30);

		private Builder() {
		}

		/** The port to listen on; 0 picks a free one. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Serves {@code pluginId} with {@code handler}, which runs once the caller has
		 * sent its last input frame. A lambda whose parameters have no types is taken as
		 * a {@code ToolHandler}.
		 */
		public Builder handler(String pluginId, ToolHandler handler) {
			return handler(pluginId, (StreamingToolHandler) handler);
		}

		/**
		 * Serves {@code pluginId} with {@code handler}, which starts with the call and
		 * takes the input frames as they arrive. A lambda says it is one by typing its
		 * parameters:
		 * {@code (CallContext call, FrameSource inputs, FrameEmitter out) ->}.
		 */
		public Builder handler(String pluginId, StreamingToolHandler handler) {
			Objects.requireNonNull(handler, "handler");
			if (pluginId == null || pluginId.isBlank()) {
				throw new IllegalArgumentException("a plugin id must not be blank");
			}
			if (this.handlers.putIfAbsent(pluginId, handler) != null) {
				throw new IllegalArgumentException("plugin id '" + pluginId + "' already has a handler");
			}
			return this;
		}

		/** The service's name, reported by the Version call. */
		public Builder name(String name) {
			this.name = Objects.requireNonNull(name, "name");
			return this;
		}

		/** The service's own version, reported by the Version call. */
		public Builder version(String version) {
			this.version = Objects.requireNonNull(version, "version");
			return this;
		}

		/**
		 * The protocol version the Version call advertises;
		 * {@link ToolServer#PROTOCOL_VERSION} by default. Another value makes the service
		 * pass for one built for that revision of the protocol, so a platform's handling
		 * of a service it cannot speak to can be tested; a real service keeps the
		 * default.
		 */
		public Builder protocolVersion(String protocolVersion) {
			Objects.requireNonNull(protocolVersion, "protocolVersion");
			if (protocolVersion.isBlank()) {
				throw new IllegalArgumentException("a protocol version must not be blank");
			}
			this.protocolVersion = protocolVersion;
			return this;
		}

		/**
		 * Requires every {@code MicroService} call to carry this secret in the
		 * {@value ToolServer#SECRET_HEADER} header; null or empty requires none. Health
		 * checks stay open.
		 */
		public Builder sharedSecret(String sharedSecret) {
			this.sharedSecret = (sharedSecret == null || sharedSecret.isEmpty()) ? null : sharedSecret;
			return this;
		}

		/** Serves TLS with a PEM certificate chain and its PEM (PKCS#8) private key. */
		public Builder tls(File certificateChain, File privateKey) {
			this.certificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
			this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
			return this;
		}

		/** The largest frame sent whole, and the size of a chunk; 1 MiB by default. */
		public Builder maxFrameSize(int maxFrameSize) {
			if (maxFrameSize < 1024) {
				throw new IllegalArgumentException("max frame size must be at least 1024 bytes, was " + maxFrameSize);
			}
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		/** The largest input frame accepted from chunks; 256 MiB by default. */
		public Builder maxAssembledSize(long maxAssembledSize) {
			this.maxAssembledSize = maxAssembledSize;
			return this;
		}

		/**
		 * How long {@link ToolServer#close()} lets calls in flight finish; 30 s by
		 * default.
		 */
		public Builder shutdownGrace(Duration shutdownGrace) {
			this.shutdownGrace = Objects.requireNonNull(shutdownGrace, "shutdownGrace");
			return this;
		}

		public ToolServer build() {
			if (this.handlers.isEmpty()) {
				throw new IllegalStateException("a tool server needs at least one handler");
			}
			return new ToolServer(this);
		}

	}

	private static final class WorkerThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		private final String prefix;

		WorkerThreads(String name) {
			this.prefix = name + "-call-";
		}

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, this.prefix + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
