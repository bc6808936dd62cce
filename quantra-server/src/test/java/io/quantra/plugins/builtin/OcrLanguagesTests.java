package io.quantra.plugins.builtin;

import java.util.Set;

import io.quantra.plugins.PluginFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OcrLanguagesTests {

	private static final Set<String> INSTALLED = Set.of("eng", "deu", "fra", "chi_sim", "osd");

	@Test
	void isoCodesBecomeTesseractCodes() throws PluginFailure {
		assertThat(OcrLanguages.resolve("en", INSTALLED)).isEqualTo("eng");
		assertThat(OcrLanguages.resolve("de", INSTALLED)).isEqualTo("deu");
		assertThat(OcrLanguages.resolve("fr", INSTALLED)).isEqualTo("fra");
		assertThat(OcrLanguages.resolve("zh", INSTALLED)).isEqualTo("chi_sim");
		assertThat(OcrLanguages.tesseractCodes("es+it+pt+nl")).containsExactly("spa", "ita", "por", "nld");
	}

	@Test
	void tesseractCodesAndCombinationsAreAccepted() throws PluginFailure {
		assertThat(OcrLanguages.resolve("eng", INSTALLED)).isEqualTo("eng");
		assertThat(OcrLanguages.resolve("en+deu+fr", INSTALLED)).isEqualTo("eng+deu+fra");
		assertThat(OcrLanguages.resolve("en+eng", INSTALLED)).isEqualTo("eng");
		assertThat(OcrLanguages.resolve("chi_sim+en", INSTALLED)).isEqualTo("chi_sim+eng");
	}

	@Test
	void aLanguageWithoutDataNamesThePackageToInstall() {
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(() -> OcrLanguages.resolve("en+it", INSTALLED))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.PLUGIN_UNAVAILABLE);
				assertThat(failure.getMessage()).contains("'ita'").contains("apt-get install tesseract-ocr-ita");
			});
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(() -> OcrLanguages.resolve("chi_tra", INSTALLED))
			.withMessageContaining("tesseract-ocr-chi-tra");
	}

	@Test
	void anUnknownCodeIsNamed() {
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(() -> OcrLanguages.resolve("xx", INSTALLED))
			.withMessageContaining("'xx'");
	}

}
