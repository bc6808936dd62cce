package io.quantra.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PiiScrubberTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mail jane.doe+tag@example.co.uk now    | mail [EMAIL] now
			call +44 20 7946 0958 today            | call [PHONE] today
			call +1-202-555-0143                   | call [PHONE]
			call (202) 555-0143 please             | call [PHONE] please
			call 202-555-0143                      | call [PHONE]
			from 203.0.113.7:443                   | from [IP]:443
			from 2001:db8:85a3::8a2e:370:7334 ok   | from [IP] ok
			from ::1                               | from [IP]
			from fe80:0:0:0:202:b3ff:fe1e:8329     | from [IP]
			Authorization: Bearer abc.def-ghi_jkl  | Authorization: Bearer [REDACTED]
			key qapi_7Fh3kLmNoPq92x                | key qapi_[REDACTED]
			secret qtrg_0f3a9c2b7e1d44aa           | secret qtrg_[REDACTED]
			url jdbc:postgresql://app:s3cret@db/x  | url jdbc:postgresql://[REDACTED]@db/x
			""")
	void masksPersonalDataAndSecrets(String input, String expected) {
		assertThat(PiiScrubber.scrub(input)).isEqualTo(expected);
	}

	@Test
	void masksJsonWebTokens() {
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsInR5cGUiOiJhY2Nlc3MifQ.c2lnbmF0dXJlLXZhbHVl";
		assertThat(PiiScrubber.scrub("token " + jwt + " expired")).isEqualTo("token [JWT] expired");
	}

	@Test
	void masksPasswordFieldsWhateverTheirSyntax() {
		assertThat(PiiScrubber.scrub("{\"email\":\"a@b.io\",\"password\":\"Hunter2!\"}"))
			.isEqualTo("{\"email\":\"[EMAIL]\",\"password\":\"[REDACTED]\"}");
		assertThat(PiiScrubber.scrub("login password=Hunter2! user=x")).doesNotContain("Hunter2");
		assertThat(PiiScrubber.scrub("new_password: 'abc' refresh_token=zzz")).doesNotContain("abc")
			.doesNotContain("zzz");
		assertThat(PiiScrubber.scrub("{\"client_secret\": \"with \\\"quote\\\" inside\"}"))
			.isEqualTo("{\"client_secret\": \"[REDACTED]\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Started QuantraApplication in 3.2 seconds", "version 1.0.42 on port 4443",
			"run 550e8400-e29b-41d4-a716-446655440000 took 1234567 ms", "at 2025-06-15T10:00:00Z", "12:22:35",
			"Method Foo::bar", "checksum 1234567890" })
	void leavesOrdinaryTextAlone(String text) {
		assertThat(PiiScrubber.scrub(text)).isEqualTo(text);
	}

	@Test
	void nullAndEmptyPassThrough() {
		assertThat(PiiScrubber.scrub(null)).isNull();
		assertThat(PiiScrubber.scrub("")).isEmpty();
	}

}
