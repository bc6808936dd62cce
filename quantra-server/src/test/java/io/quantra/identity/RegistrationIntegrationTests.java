package io.quantra.identity;

import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service registration, on a server where {@code ALLOW_REGISTRATION=true}.
 */
@OnH2
@TestPropertySource(properties = "quantra.registration.enabled=true")
class RegistrationIntegrationTests extends IdentityHttpTests {

	@Test
	void registeredAccountsCanSignIn() {
		String email = "self-" + System.nanoTime() + "@example.com";
		Response registered = this.http.postJson("/auth/register",
				"{\"email\": \"" + email + "\", \"password\": \"Self-Serv1ce!\", \"first_name\": \"Lin\"}");
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("is_staff").asBoolean()).isFalse();
		assertThat(tokenLogin(email, "Self-Serv1ce!").status()).isEqualTo(200);
		assertThat(
				this.http.postJson("/auth/register", "{\"email\": \"" + email + "\", \"password\": \"Self-Serv1ce!\"}")
					.status())
			.isEqualTo(409);
	}

	@Test
	void aWeakPasswordIsUnprocessable() {
		Response weak = this.http.postJson("/auth/register",
				"{\"email\": \"weak-" + System.nanoTime() + "@example.com\", \"password\": \"short\"}");
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.json().get("error").asString()).contains("at least 8 characters");
	}

}
