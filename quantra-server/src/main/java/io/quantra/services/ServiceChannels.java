package io.quantra.services;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.quantra.sdk.ToolClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One gRPC channel per service endpoint, reused by every call and health check, since a
 * channel is costly to open and multiplexes calls. A channel belongs to one revision of
 * its endpoint: when the endpoint's address, protocol, certificate or secret changes, the
 * next use opens a new channel and lets the old one finish its calls. A channel without a
 * call or check for {@code quantra.services.channel-idle-timeout} lets its connection go
 * (and opens it again on its next use), so the servers of a cluster that did not handle
 * an endpoint's deletion release theirs too. All close with the application, which opens
 * none after that.
 */
@Component
class ServiceChannels implements DisposableBean {

	private final Map<Long, Pooled> channels = new ConcurrentHashMap<>();

	private final Duration idleTimeout;

	private final int maxFrameSize;

	private final long maxAssembledSize;

	private volatile boolean closed;

	ServiceChannels(ServiceProperties properties) {
		this.idleTimeout = properties.channelIdleTimeout();
		this.maxFrameSize = (int) properties.maxFrameSize().toBytes();
		this.maxAssembledSize = properties.maxAssembledSize().toBytes();
	}

	/**
	 * The channel for {@code endpoint}'s current revision. A channel that lost its
	 * service tries to reconnect now rather than after gRPC's growing backoff, so a
	 * restarted service is found by the next check or call.
	 * @throws IllegalStateException once the application has closed its channels
	 */
	ManagedChannel channel(Endpoint endpoint) {
		ManagedChannel channel = pooled(endpoint);
		if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
			channel.resetConnectBackoff();
		}
		return channel;
	}

	private ManagedChannel pooled(Endpoint endpoint) {
		return this.channels.compute(endpoint.id(), (id, pooled) -> {
			if (this.closed) {
				throw new IllegalStateException(
						"This server is shutting down and opens no more connections to service endpoints.");
			}
			if (pooled != null && pooled.revision() == endpoint.revision() && !pooled.channel().isShutdown()) {
				return pooled;
			}
			if (pooled != null) {
				pooled.channel().shutdown();
			}
			return new Pooled(endpoint.revision(), open(endpoint));
		}).channel();
	}

	/** A client on the endpoint's channel that presents its shared secret, if any. */
	ToolClient client(Endpoint endpoint) {
		ToolClient client = ToolClient.of(channel(endpoint)).withFrameSizes(this.maxFrameSize, this.maxAssembledSize);
		String secret = endpoint.sharedSecret();
		return (secret != null && !secret.isEmpty()) ? client.withSharedSecret(secret) : client;
	}

	/** Whether this server holds an open channel to the endpoint. */
	boolean holds(long endpointId) {
		Pooled pooled = this.channels.get(endpointId);
		return pooled != null && !pooled.channel().isShutdown();
	}

	/** Closes the channel of an endpoint that is gone. */
	void close(long endpointId) {
		Pooled pooled = this.channels.remove(endpointId);
		if (pooled != null) {
			pooled.channel().shutdown();
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.closed = true;
		this.channels.values().forEach((pooled) -> pooled.channel().shutdownNow());
		for (Pooled pooled : this.channels.values()) {
			pooled.channel().awaitTermination(5, TimeUnit.SECONDS);
		}
		this.channels.clear();
	}

	private ManagedChannel open(Endpoint endpoint) {
		return Grpc.newChannelBuilderForAddress(endpoint.host(), endpoint.port(), credentials(endpoint))
			.userAgent("quantra")
			.idleTimeout(this.idleTimeout.toMillis(), TimeUnit.MILLISECONDS)
			// a whole frame is at most a frame size; the margin covers the message's own
			// fields
			.maxInboundMessageSize(Math.max(4 * 1024 * 1024, this.maxFrameSize + 64 * 1024))
			.build();
	}

	private static ChannelCredentials credentials(Endpoint endpoint) {
		if (!Endpoint.GRPCS.equals(endpoint.protocol())) {
			return InsecureChannelCredentials.create();
		}
		if (endpoint.caCertificate() == null || endpoint.caCertificate().isBlank()) {
			return TlsChannelCredentials.create();
		}
		try {
			return TlsChannelCredentials.newBuilder()
				.trustManager(new ByteArrayInputStream(endpoint.caCertificate().getBytes(StandardCharsets.UTF_8)))
				.build();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(
					"The CA certificate of service endpoint " + endpoint.id() + " is not usable PEM; set it again.",
					ex);
		}
	}

	private record Pooled(long revision, ManagedChannel channel) {
	}

}
