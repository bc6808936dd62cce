package io.quantra.webhooks;

import io.quantra.OnH2;

@OnH2
class H2WebhookIntegrationTests extends WebhookContract {

}
