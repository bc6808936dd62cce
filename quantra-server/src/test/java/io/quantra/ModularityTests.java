package io.quantra;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure is verified, not hoped for: no cycles, no use of another module's
 * internals. The diagrams in docs/modules are written from the same model.
 */
class ModularityTests {

	/**
	 * The SDK and the reference service share the {@code io.quantra} root but are
	 * libraries and a test peer, not modules of this application.
	 */
	private final ApplicationModules modules = ApplicationModules.of(QuantraApplication.class,
			JavaClass.Predicates.resideInAnyPackage("io.quantra.sdk..", "io.quantra.services.textstats.."));

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
