package io.quantra.services;

import io.quantra.OnH2;

@OnH2
class H2ServiceEndpointsIntegrationTests extends ServiceEndpointsContract {

}
