package io.quantra.webhooks;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quantra.webhooks.WebhookRepository.Subscription;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which webhooks each project has, held in memory for {@link #FRESHNESS}: the outbox asks
 * for every run event, and most projects have none, so the answer must cost no query. A
 * change made on this server is seen at once; one made on another server within
 * {@link #FRESHNESS}.
 */
@Component
class WebhookSubscriptions {

	static final Duration FRESHNESS = Duration.ofSeconds(2);

	private final WebhookRepository webhooks;

	private final Cache<Long, List<Subscription>> byProject = Caffeine.newBuilder()
		.expireAfterWrite(FRESHNESS)
		.maximumSize(10_000)
		.build();

	WebhookSubscriptions(WebhookRepository webhooks) {
		this.webhooks = webhooks;
	}

	List<Subscription> of(long projectId) {
		return this.byProject.get(projectId, this.webhooks::subscriptions);
	}

	/**
	 * Forgets the project's webhooks now and again when the transaction that changed them
	 * commits, so that a read in between cannot keep the old answer.
	 */
	void changed(long projectId) {
		this.byProject.invalidate(projectId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					WebhookSubscriptions.this.byProject.invalidate(projectId);
				}
			});
		}
	}

}
