package io.quantra.webhooks;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresWebhookIntegrationTests extends WebhookContract {

}
