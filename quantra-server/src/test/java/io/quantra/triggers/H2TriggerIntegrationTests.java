package io.quantra.triggers;

import io.quantra.OnH2;

@OnH2
class H2TriggerIntegrationTests extends TriggerContract {

}
