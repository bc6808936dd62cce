package io.quantra.services;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.quantra.sdk.proto.VersionResponse;

import org.springframework.stereotype.Component;

/**
 * Probes a service endpoint over gRPC: the standard health check, then the protocol's
 * {@code Version} call for its version, protocol and plugin ids, each within
 * {@link #DEADLINE} so one slow service cannot hold up the checks of the others.
 */
@Component
class GrpcEndpointProbe implements EndpointProbe {

	static final Duration DEADLINE = Duration.ofSeconds(3);

	private final ServiceChannels channels;

	GrpcEndpointProbe(ServiceChannels channels) {
		this.channels = channels;
	}

	@Override
	public ProbeResult probe(Endpoint endpoint) {
		try {
			HealthCheckResponse health = HealthGrpc.newBlockingStub(this.channels.channel(endpoint))
				.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
				.check(HealthCheckRequest.getDefaultInstance());
			if (health.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
				return ProbeResult.failed(EndpointStatus.NOT_SERVING, "The service reports " + health.getStatus().name()
						+ " (it is starting or shutting down); calls go elsewhere.");
			}
			VersionResponse version = this.channels.client(endpoint).version(DEADLINE);
			return ProbeResult.serving(version.getServiceVersion(), version.getProtocolVersion(),
					version.getPluginIdsList());
		}
		catch (StatusRuntimeException ex) {
			return failed(ex);
		}
		catch (IllegalStateException ex) {
			return ProbeResult.failed(EndpointStatus.UNREACHABLE, ex.getMessage());
		}
	}

	/** The status's own description may echo what was sent, so only its code is kept. */
	private static ProbeResult failed(StatusRuntimeException ex) {
		return switch (ex.getStatus().getCode()) {
			case UNAUTHENTICATED, PERMISSION_DENIED -> ProbeResult.failed(EndpointStatus.UNAUTHORIZED,
					"The service refused the shared secret; set the endpoint's secret to the service's.");
			case DEADLINE_EXCEEDED -> ProbeResult.failed(EndpointStatus.UNREACHABLE,
					"The service did not answer within " + DEADLINE.toSeconds() + " seconds.");
			case UNIMPLEMENTED -> ProbeResult.failed(EndpointStatus.VERSION_MISMATCH,
					"The service does not implement the Quantra microservice protocol or gRPC health checks; "
							+ "check the port, or build the service with a Quantra SDK.");
			case UNAVAILABLE -> tlsFailure(ex) ? ProbeResult.failed(EndpointStatus.UNREACHABLE,
					"The TLS handshake with the service failed; if it serves a certificate of a private CA, set the "
							+ "endpoint's ca_certificate to that CA, and check that the certificate names the host.")
					: ProbeResult
						.failed(EndpointStatus.UNREACHABLE, "The service cannot be reached (" + ex.getStatus().getCode()
								+ "); check that it runs and that host, port and protocol (grpc or grpcs) are right.");
			default -> ProbeResult.failed(EndpointStatus.UNREACHABLE,
					"The health check failed with " + ex.getStatus().getCode() + ".");
		};
	}

	private static boolean tlsFailure(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException) {
				return true;
			}
		}
		return false;
	}

}
