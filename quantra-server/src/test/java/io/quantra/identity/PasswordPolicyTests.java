package io.quantra.identity;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsAPasswordMeetingEveryRule() {
		assertThat(PasswordPolicy.violations("Tr0ub4dor&3")).isEmpty();
	}

	@Test
	void namesEveryRuleAWeakPasswordBreaks() {
		assertThat(PasswordPolicy.violations("short")).containsExactlyInAnyOrder("at least 8 characters",
				"an upper-case letter", "a digit", "a special character");
		assertThat(PasswordPolicy.violations("ALLUPPER123!")).containsExactly("a lower-case letter");
		assertThat(PasswordPolicy.violations(null)).contains("at least 8 characters");
		assertThat(PasswordPolicy.violations("Aa1!" + "x".repeat(200))).containsExactly("at most 128 characters");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(CommonPasswords.size()).isGreaterThan(20_000);
		assertThat(PasswordPolicy.violations("P@ssw0rd")).containsExactly("not to be a commonly used password");
		assertThat(PasswordPolicy.violations("Passw0rd!")).doesNotContain("not to be a commonly used password");
	}

	@Test
	void acceptsLongPassphrases() {
		assertThat(PasswordPolicy.violations("Correct horse battery staple, 64 characters long, for sure!!").isEmpty())
			.isTrue();
		assertThat(PasswordPolicy.violations("A1!" + "z".repeat(61))).isEmpty();
	}

	@Test
	void generatedPasswordsSatisfyThePolicyAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String password = PasswordPolicy.generate();
			assertThat(password).hasSize(24);
			assertThat(PasswordPolicy.violations(password)).as(password).isEmpty();
			assertThat(seen.add(password)).isTrue();
		}
	}

}
