package io.quantra.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import io.quantra.admin.Settings;
import io.quantra.platform.SecretBox;
import io.quantra.webhooks.DeliveryRepository.PendingDelivery;
import io.quantra.webhooks.WebhookTargets.RefusedTarget;
import io.quantra.webhooks.WebhookTargets.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Makes one attempt of a delivery: checks the target again, signs the body, POSTs it and
 * records the outcome. A 2xx answer delivers it; anything else, or no answer, is a failed
 * attempt retried on the {@link RetrySchedule} until the delivery's window closes. The
 * delivery is marked delivered only after the receiver's 2xx, so an attempt cut short by
 * a crash is made again: receivers deduplicate on {@code webhook-id}.
 */
@Component
class WebhookDispatcher {

	static final String USER_AGENT = "Quantra-Webhooks/1.0 (+https://www.standardwebhooks.com)";

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	/** Response bodies are read this far, for the error shown to admins, no further. */
	static final int MAX_RESPONSE_BYTES = 512;

	static final int MAX_ERROR_CHARS = 200;

	/** A delivery that finds every sending slot busy waits this long. */
	private static final Duration BUSY_DELAY = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final DeliveryRepository deliveries;

	private final SecretBox secrets;

	private final Settings settings;

	private final Clock clock;

	private final RetrySchedule retries;

	private final Semaphore slots;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final boolean pinsPlainHttp = hostHeaderAllowed();

	WebhookDispatcher(DeliveryRepository deliveries, SecretBox secrets, Settings settings, Clock clock,
			WebhookProperties properties) {
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.settings = settings;
		this.clock = clock;
		this.retries = new RetrySchedule(properties.firstRetry());
		this.slots = new Semaphore(properties.maxParallel());
		if (!this.pinsPlainHttp) {
			log.warn("Webhooks over plain HTTP connect by host name, not to the address checked against private "
					+ "networks: this JVM forbids setting the Host header. Start Quantra through its main class or "
					+ "with -Djdk.httpclient.allowRestrictedHeaders=host.");
		}
	}

	/**
	 * Whether plain-HTTP attempts connect to the checked address itself. That needs a
	 * Host header naming the receiver, which the JDK allows only when
	 * {@code jdk.httpclient.allowRestrictedHeaders} included {@code host} before its
	 * first HTTP request (Quantra's main method sees to it).
	 */
	boolean pinsPlainHttp() {
		return this.pinsPlainHttp;
	}

	/** The attempt of the delivery whose db-scheduler execution is due. */
	CompletionHandler<Void> attempt(long deliveryId) {
		Optional<PendingDelivery> pending = this.deliveries.pending(deliveryId);
		if (pending.isEmpty()) {
			return remove();
		}
		if (!this.slots.tryAcquire()) {
			return rescheduleAt(this.clock.instant().plus(BUSY_DELAY));
		}
		Outcome outcome;
		try {
			outcome = send(pending.get());
		}
		finally {
			this.slots.release();
		}
		Instant now = this.clock.instant();
		if (outcome.delivered()) {
			this.deliveries.succeeded(deliveryId, outcome.status(), now);
			return remove();
		}
		int failed = pending.get().windowAttempts() + 1;
		Optional<Instant> next = this.retries.next(failed, now, pending.get().retryUntil());
		this.deliveries.failed(deliveryId, outcome.status(), outcome.error(), now, next.orElse(null));
		if (next.isEmpty()) {
			log.info("Webhook delivery {} of webhook {} failed for good after {} attempts in its window", deliveryId,
					pending.get().webhookId(), failed);
			return remove();
		}
		return rescheduleAt(next.get());
	}

	private Outcome send(PendingDelivery delivery) {
		Target target;
		try {
			target = WebhookTargets.vet(URI.create(delivery.url()),
					this.settings.security().webhooksAllowPrivateTargets());
		}
		catch (RefusedTarget ex) {
			return Outcome.error("Not sent: " + ex.getMessage() + ".");
		}
		String secret;
		try {
			secret = this.secrets.open(delivery.sealedSecret());
		}
		catch (IllegalStateException ex) {
			return Outcome.error("Not sent: the signing secret cannot be decrypted with this server's key; every "
					+ "server needs the same QUANTRA_SECRET_KEY.");
		}
		String messageId = messageId(delivery.id());
		long timestamp = this.clock.instant().getEpochSecond();
		boolean pin = this.pinsPlainHttp && !target.https();
		HttpRequest.Builder request = HttpRequest.newBuilder(pin ? target.pinned() : target.url())
			.timeout(REQUEST_TIMEOUT)
			.header("content-type", "application/json")
			.header("user-agent", USER_AGENT)
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
		if (pin) {
			request.header("Host", target.hostHeader());
		}
		CompletableFuture<HttpResponse<String>> response = this.http.sendAsync(request.build(),
				(info) -> new Snippet());
		try {
			// the request timeout ends with the response headers; this bounds a slow body
			// too
			HttpResponse<String> answer = response.get(REQUEST_TIMEOUT.plusSeconds(5).toMillis(),
					TimeUnit.MILLISECONDS);
			return Outcome.of(answer.statusCode(), answer.body());
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			return Outcome
				.error("The response did not arrive within " + REQUEST_TIMEOUT.plusSeconds(5).toSeconds() + " s.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			response.cancel(true);
			throw new IllegalStateException("Interrupted while delivering; the attempt will be made again", ex);
		}
		catch (ExecutionException ex) {
			return Outcome.error(describe(ex.getCause()));
		}
	}

	static String messageId(long deliveryId) {
		return "msg_" + deliveryId;
	}

	/**
	 * What went wrong, for the admins of the webhook: short, and never with the URL,
	 * which may carry a token.
	 */
	static String describe(Throwable failure) {
		if (failure instanceof HttpConnectTimeoutException) {
			return "Could not connect within " + CONNECT_TIMEOUT.toSeconds() + " s.";
		}
		if (failure instanceof HttpTimeoutException) {
			return "No response within " + REQUEST_TIMEOUT.toSeconds() + " s.";
		}
		if (failure instanceof ConnectException) {
			return "Could not connect: connection refused or host unreachable.";
		}
		if (failure instanceof SSLException) {
			return "TLS handshake failed: the receiver's certificate is not trusted or does not match its host name.";
		}
		if (failure instanceof IOException) {
			String message = (failure.getMessage() != null) ? ": " + clean(failure.getMessage(), 120) : "";
			return "Connection failed (" + failure.getClass().getSimpleName() + ")" + message + ".";
		}
		return "Sending failed (" + failure.getClass().getSimpleName() + ").";
	}

	/** Printable characters only, whitespace collapsed, at most {@code max} of them. */
	static String clean(String text, int max) {
		String printable = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return (printable.length() > max) ? printable.substring(0, max) + "…" : printable;
	}

	private static CompletionHandler<Void> remove() {
		return (complete, operations) -> operations.remove();
	}

	private static CompletionHandler<Void> rescheduleAt(Instant next) {
		return (complete, operations) -> operations.reschedule(complete, next);
	}

	private static boolean hostHeaderAllowed() {
		try {
			HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "example.com");
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * How an attempt ended.
	 *
	 * @param status the receiver's HTTP status, if it answered
	 * @param error what went wrong, if anything
	 */
	record Outcome(Integer status, String error) {

		static Outcome of(int status, String body) {
			if (status >= 200 && status < 300) {
				return new Outcome(status, null);
			}
			String reason = (status >= 300 && status < 400)
					? "redirects are not followed; point the webhook at the final URL" : clean(body, MAX_ERROR_CHARS);
			return new Outcome(status, "HTTP " + status + (reason.isEmpty() ? "" : ": " + reason));
		}

		static Outcome error(String error) {
			return new Outcome(null, error);
		}

		boolean delivered() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * Reads the first {@link #MAX_RESPONSE_BYTES} bytes of a response body and stops: a
	 * receiver cannot make Quantra read a large or endless answer.
	 */
	private static final class Snippet implements BodySubscriber<String> {

		private final CompletableFuture<String> text = new CompletableFuture<>();

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private Flow.Subscription subscription;

		@Override
		public CompletionStage<String> getBody() {
			return this.text;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int take = Math.min(buffer.remaining(), MAX_RESPONSE_BYTES - this.bytes.size());
				byte[] chunk = new byte[take];
				buffer.get(chunk);
				this.bytes.write(chunk, 0, take);
			}
			if (this.bytes.size() >= MAX_RESPONSE_BYTES) {
				this.subscription.cancel();
				onComplete();
			}
			else {
				this.subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable failure) {
			// an error after the status line still leaves the status to report
			onComplete();
		}

		@Override
		public void onComplete() {
			this.text.complete(this.bytes.toString(StandardCharsets.UTF_8));
		}

	}

}
