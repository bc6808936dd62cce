package io.quantra.services;

import io.quantra.plugins.PluginFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthorizationUrlsTests {

	@Test
	void anOrdinaryAuthorizationUrlIsShownAsItCame() throws Exception {
		String url = "https://accounts.example.com/o/oauth2/v2/auth?client_id=quantra-ocr&response_type=code"
				+ "&scope=openid%20calendar.readonly&state=3f1c0c2e&redirect_uri=https%3A%2F%2F10.0.4.7%3A8443%2Fcallback"
				+ "#consent";
		assertThat(AuthorizationUrls.shown(url, "calendar")).isEqualTo(url);
	}

	@Test
	void parametersWithPersonalDataOrSecretsAreRemoved() throws Exception {
		assertThat(AuthorizationUrls
			.shown("https://login.example.com/authorize?client_id=c1&login_hint=jane.doe%40example.com&state=s1"
					+ "&access_token=abc123&phone=%2B44%2020%207946%200958", "calendar"))
			.isEqualTo("https://login.example.com/authorize?client_id=c1&state=s1");
		assertThat(AuthorizationUrls.shown("https://login.example.com/authorize#user=jane@example.com", "calendar"))
			.isEqualTo("https://login.example.com/authorize");
	}

	@Test
	void urlsThatCannotBeShownSafelyAreRefused() {
		for (String url : new String[] { "javascript:alert(1)", "file:///etc/passwd", "/relative/authorize",
				"https://user:password@login.example.com/authorize", "https://login.example.com/users/jane@example.com",
				"https://login.example.com/a b", "https://login.example.com/" + "a".repeat(2100) }) {
			assertThatExceptionOfType(PluginFailure.class).as(url)
				.isThrownBy(() -> AuthorizationUrls.shown(url, "calendar"))
				.satisfies((failure) -> {
					assertThat(failure.code()).isEqualTo("SERVICE_FAILED");
					assertThat(failure.retryable()).isFalse();
					assertThat(failure.getMessage()).startsWith("service endpoint 'calendar' asked for authorization")
						.doesNotContain("jane")
						.doesNotContain("password");
				});
		}
	}

}
