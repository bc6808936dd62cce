package io.quantra.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Refuses calls that do not carry the service's shared secret with
 * {@code UNAUTHENTICATED}.
 */
final class SharedSecretInterceptor implements ServerInterceptor {

	static final Metadata.Key<String> SECRET_HEADER = Metadata.Key.of(ToolServer.SECRET_HEADER,
			Metadata.ASCII_STRING_MARSHALLER);

	private final byte[] expectedDigest;

	SharedSecretInterceptor(String secret) {
		this.expectedDigest = digest(secret);
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		String given = headers.get(SECRET_HEADER);
		// Comparing digests keeps the comparison constant-time whatever the lengths.
		if (given == null || !MessageDigest.isEqual(this.expectedDigest, digest(given))) {
			call.close(
					Status.UNAUTHENTICATED.withDescription((given == null)
							? "the call has no " + ToolServer.SECRET_HEADER
									+ " header; send the service's shared secret"
							: "the " + ToolServer.SECRET_HEADER + " header does not match the service's shared secret"),
					new Metadata());
			return new ServerCall.Listener<>() {
			};
		}
		return next.startCall(call, headers);
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

}
