package io.quantra.sdk;

import java.util.function.BooleanSupplier;

import io.grpc.stub.CallStreamObserver;

/**
 * Holds a sender back while gRPC's outbound buffer is full, so a large frame is not
 * queued in memory all at once. The stream's on-ready handler calls {@link #signal()}.
 */
final class FlowGate {

	synchronized void signal() {
		notifyAll();
	}

	/** Waits until the stream is ready or {@code stop} says to give up. */
	synchronized void awaitReady(CallStreamObserver<?> stream, BooleanSupplier stop) throws InterruptedException {
		while (!stream.isReady() && !stop.getAsBoolean()) {
			// The timeout covers a readiness change that happened between isReady and
			// wait.
			wait(50);
		}
	}

}
