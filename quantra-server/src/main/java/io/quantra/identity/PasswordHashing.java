package io.quantra.identity;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as Argon2id hashes with OWASP's parameters (19 MiB, 2 passes, one
 * lane), prefixed with {@code {argon2}} so the scheme can be upgraded without
 * invalidating them.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final String SCHEME = "argon2";

	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		return new DelegatingPasswordEncoder(SCHEME, Map.of(SCHEME, argon2));
	}

}
