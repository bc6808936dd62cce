package io.quantra.webhooks;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.quantra.platform.RouteAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery task on the shared db-scheduler — one execution per pending delivery — and
 * the rule for the webhook routes.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/**
	 * An attempt that fails unexpectedly (the database is down) is tried again a minute
	 * later; a server that dies mid-attempt has the attempt revived by another.
	 */
	@Bean
	CustomTask<Void> webhookDeliveryTask(WebhookDispatcher dispatcher) {
		return Tasks.custom(DeliveryQueue.TASK, Void.class)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
			.execute((instance, context) -> dispatcher.attempt(Long.parseLong(instance.getId())));
	}

	/** Signed-in callers; each route checks the admin role on the webhook's project. */
	@Bean
	static RouteAuthorizations webhookRouteRules() {
		return (routes) -> routes.requestMatchers("/webhooks/**").authenticated();
	}

}
