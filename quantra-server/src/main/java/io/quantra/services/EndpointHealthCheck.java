package io.quantra.services;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.quantra.services.ServiceEndpointRepository.Health;
import io.quantra.services.ServiceEndpointRepository.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@code quantra.services.health-interval}, probes each registered endpoint with
 * the {@link EndpointProbe} bean (or, without one, reports that nothing can check it) and
 * records what it found. A recurring task on the shared db-scheduler, so one server of a
 * cluster checks at a time. A serving service whose protocol major version differs from
 * {@link ServiceEndpoints#PROTOCOL_VERSION}, or that lacks a plugin it is registered for,
 * is not active. It checks only while the application runs: what a probe finds while the
 * server stops (and closes its channels to the services) says nothing about the services,
 * so it is not recorded.
 */
@Component
class EndpointHealthCheck implements SmartLifecycle {

	static final String TASK = "service-endpoint-health";

	static final int MAX_TEXT = 100;

	static final int MAX_MESSAGE = 500;

	private static final Logger log = LoggerFactory.getLogger(EndpointHealthCheck.class);

	private final ServiceEndpointRepository repository;

	private final ServiceEndpointManagement endpoints;

	private final EndpointProbe probe;

	private final ObjectProvider<Scheduler> scheduler;

	private final Clock clock;

	private final RecurringTask<Void> task;

	private volatile boolean running;

	EndpointHealthCheck(ServiceEndpointRepository repository, ServiceEndpointManagement endpoints, EndpointProbe probe,
			ObjectProvider<Scheduler> scheduler, Clock clock, ServiceProperties properties) {
		this.repository = repository;
		this.endpoints = endpoints;
		this.probe = probe;
		this.scheduler = scheduler;
		this.clock = clock;
		this.task = Tasks.recurring(TASK, FixedDelay.of(properties.healthInterval()))
			.execute((instance, context) -> checkAll());
	}

	@Bean
	RecurringTask<Void> serviceEndpointHealthTask() {
		return this.task;
	}

	/**
	 * The shared scheduler starts no recurring task by itself: this one is queued once.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		this.scheduler.getObject()
			.schedule(this.task.schedulableInstance(RecurringTask.INSTANCE), ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Stops recording checks; called before the server closes its channels to the
	 * services, so a probe those channels cut short does not mark a healthy service
	 * unreachable.
	 */
	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Checks every endpoint once; nothing while the application is stopped.
	 * @return what each check found, in order of registration
	 */
	List<EndpointStatus> checkAll() {
		EndpointProbe probe = this.probe;
		List<EndpointStatus> found = new ArrayList<>();
		for (Stored stored : this.repository.all()) {
			if (!this.running) {
				break;
			}
			Health health = check(probe, this.endpoints.endpoint(stored));
			if (!this.running) {
				break;
			}
			if (this.repository.recordHealth(stored.id(), stored.revision(), health)
					&& health.status() != stored.status()) {
				log.info("Service endpoint {} is now {}", stored.id(), health.status().value());
			}
			found.add(health.status());
		}
		return found;
	}

	private Health check(EndpointProbe probe, Endpoint endpoint) {
		if (endpoint.secretUnreadable()) {
			return health(EndpointStatus.UNAUTHORIZED,
					"The stored shared secret cannot be decrypted with this server's key (QUANTRA_SECRET_KEY); "
							+ "set the secret again.",
					null, null);
		}
		ProbeResult result;
		try {
			result = probe.probe(endpoint);
		}
		catch (RuntimeException ex) {
			// a probe's exception text may quote what it sent; only its type is kept
			log.warn("Probing service endpoint {} failed with {}", endpoint.id(), ex.getClass().getName());
			return health(EndpointStatus.UNREACHABLE, "The health check failed: " + ex.getClass().getSimpleName() + ".",
					null, null);
		}
		if (result == null || result.status() == null) {
			return health(EndpointStatus.UNKNOWN, "The health check gave no answer.", null, null);
		}
		if (result.status() != EndpointStatus.SERVING) {
			return health(result.status(), result.message(), result.version(), result.protocolVersion());
		}
		String major = major(result.protocolVersion());
		if (!ServiceEndpoints.PROTOCOL_VERSION.equals(major)) {
			return health(EndpointStatus.VERSION_MISMATCH, versionMismatch(result.protocolVersion(), major),
					result.version(), result.protocolVersion());
		}
		if (!result.pluginIds().isEmpty()) {
			List<String> missing = endpoint.pluginIds()
				.stream()
				.filter((id) -> !result.pluginIds().contains(id))
				.toList();
			if (!missing.isEmpty()) {
				return health(EndpointStatus.NOT_SERVING,
						"Registered for " + String.join(", ", missing) + " but the service offers only "
								+ String.join(", ", result.pluginIds()) + "; correct plugin_ids or the service.",
						result.version(), result.protocolVersion());
			}
		}
		return health(EndpointStatus.SERVING, null, result.version(), result.protocolVersion());
	}

	/**
	 * Why a service of another protocol major version is not used, and which side to
	 * change: a newer service needs a newer platform (or an older build of the service),
	 * an older one a rebuild with a current SDK.
	 */
	private static String versionMismatch(String protocolVersion, String major) {
		String platform = ServiceEndpoints.PROTOCOL_VERSION;
		if (major == null) {
			return "The service reports no usable protocol version ("
					+ ((protocolVersion == null || protocolVersion.isBlank()) ? "none" : "'" + protocolVersion + "'")
					+ "); this platform speaks protocol " + platform + ".x. Build the service with a Quantra SDK "
					+ "for protocol " + platform + ".";
		}
		String speaks = "The service speaks protocol " + protocolVersion + "; this platform speaks protocol " + platform
				+ ".x, so no node runs on it. ";
		return (Integer.parseInt(major) > Integer.parseInt(platform))
				? speaks + "Upgrade Quantra to a release that speaks protocol " + major
						+ ", or deploy a build of the service for protocol " + platform + "."
				: speaks + "Rebuild the service with a Quantra SDK for protocol " + platform + ".";
	}

	private Health health(EndpointStatus status, String message, String version, String protocolVersion) {
		return new Health(status, clip(message, MAX_MESSAGE), clip(version, MAX_TEXT), clip(protocolVersion, MAX_TEXT),
				this.clock.instant());
	}

	/** The major version of {@code 1}, {@code 1.2} or {@code v1.2.3}; null if none. */
	static String major(String version) {
		if (version == null || version.isBlank()) {
			return null;
		}
		String text = version.strip();
		if (text.startsWith("v") || text.startsWith("V")) {
			text = text.substring(1);
		}
		int dot = text.indexOf('.');
		String major = (dot >= 0) ? text.substring(0, dot) : text;
		try {
			return String.valueOf(Integer.parseInt(major));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String clip(String text, int max) {
		if (text == null) {
			return null;
		}
		String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
		return (clean.length() > max) ? clean.substring(0, max) : clean;
	}

}
