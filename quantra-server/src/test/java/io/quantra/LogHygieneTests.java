package io.quantra;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class and reads all that the run printed — the log lines of
 * every server the suite started, through every login, token and MFA flow — for e-mail
 * addresses, passwords, JWTs, API tokens, TOTP secrets, webhook signing secrets, trigger
 * secrets and the shared secrets of tool microservices.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneTests {

	private static final List<Pattern> LEAKS = List.of(
			Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
			Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"), Pattern.compile("qapi_[A-Za-z0-9]{20,}"),
			Pattern.compile("otpauth://"), Pattern.compile("secret=[A-Z2-7]{16,}"),
			Pattern.compile("qtrg_[0-9a-f]{20,}"), Pattern.compile("whsec_[A-Za-z0-9+/]{20,}"),
			Pattern.compile(Pattern.quote(TestAccounts.PASSWORD)), Pattern.compile("Wrong-Passw0rd!"),
			Pattern.compile("Correct-Horse-42"), Pattern.compile("Cobol-1959!"), Pattern.compile("Remembered-N0w"),
			Pattern.compile("Changed-Passw0rd"), Pattern.compile("hunter2"), Pattern.compile("tool-s3cret-"));

	@Test
	void noSecretOrPersonalDataReachedAnyLogLine() {
		String output = SuiteOutputCapture.captured();
		for (Pattern leak : LEAKS) {
			Matcher matcher = leak.matcher(output);
			if (matcher.find()) {
				int start = Math.max(0, matcher.start() - 200);
				int end = Math.min(output.length(), matcher.end() + 200);
				throw new AssertionError("The run's output leaks " + leak + " in: " + output.substring(start, end));
			}
		}
		assertThat(output).as("the capture saw the run").isNotEmpty();
	}

}
