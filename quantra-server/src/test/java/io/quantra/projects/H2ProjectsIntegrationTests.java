package io.quantra.projects;

import io.quantra.OnH2;

@OnH2
class H2ProjectsIntegrationTests extends ProjectsContract {

}
