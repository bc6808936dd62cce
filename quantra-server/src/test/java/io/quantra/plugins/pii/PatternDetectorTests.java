package io.quantra.plugins.pii;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatternDetectorTests {

	private final PatternDetector detector = new PatternDetector();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Contact ada.lovelace@example.co.uk today.         | EMAIL         | ada.lovelace@example.co.uk
			Mail: j.doe+billing@mail-server.example.com.      | EMAIL         | j.doe+billing@mail-server.example.com
			OCR read ann.lee@btinternet. com today            | EMAIL         | ann.lee@btinternet. com
			Card 4111 1111 1111 1111 expires 12/27            | CREDIT_CARD   | 4111 1111 1111 1111
			Paid with 5500-0000-0000-0004.                    | CREDIT_CARD   | 5500-0000-0000-0004
			Amex 378282246310005                              | CREDIT_CARD   | 378282246310005
			IBAN: DE89 3704 0044 0532 0130 00                 | IBAN          | DE89 3704 0044 0532 0130 00
			to GB82WEST12345698765432 please                  | IBAN          | GB82WEST12345698765432
			AT48 8713 4472 8465 0333 held by the buyer        | IBAN          | AT48 8713 4472 8465 0333
			OCR read DE89 3704-0044 0532 0130 00 here         | IBAN          | DE89 3704-0044 0532 0130 00
			SSN 123-45-6789 on file                           | SSN           | 123-45-6789
			Social security number: 123456789                 | SSN           | 123456789
			Logged in from 192.168.10.254 at noon             | IP_ADDRESS    | 192.168.10.254
			from 2001:db8:85a3::8a2e:370:7334 via VPN         | IP_ADDRESS    | 2001:db8:85a3::8a2e:370:7334
			from fe80:0:0:0:202:b3ff:fe1e:8329 only           | IP_ADDRESS    | fe80:0:0:0:202:b3ff:fe1e:8329
			Date of birth: 04/07/1985                         | DATE_OF_BIRTH | 04/07/1985
			born on 12 March 1990 in Leeds                    | DATE_OF_BIRTH | 12 March 1990
			DOB 1979-11-30                                    | DATE_OF_BIRTH | 1979-11-30
			Born March 12, 1990 in Ohio                       | DATE_OF_BIRTH | March 12, 1990
			Geboren am 3. Mai 1970 in Köln                    | DATE_OF_BIRTH | 3. Mai 1970
			Call +44 20 7946 0958 now                         | PHONE         | +44 20 7946 0958
			Phone: (555) 123-4567                             | PHONE         | (555) 123-4567
			or 555-867-5309 after six                         | PHONE         | 555-867-5309
			Tel. 030 1234567                                  | PHONE         | 030 1234567
			Telefon: 089/12345678                             | PHONE         | 089/12345678
			mobile 0049 170 1234567                           | PHONE         | 0049 170 1234567
			Telefon: +49 (0)6221 598515                       | PHONE         | +49 (0)6221 598515
			""")
	void findsEachShape(String text, PiiEntity entity, String expected) {
		List<PiiFinding> findings = this.detector.find(text, EnumSet.of(entity));
		assertThat(findings).as(text).hasSize(1);
		PiiFinding finding = findings.get(0);
		assertThat(text.substring(finding.start(), finding.end())).isEqualTo(expected);
		assertThat(finding.entity()).isEqualTo(entity);
	}

	@Test
	void aBirthDateCueMaySpanALineBreak() {
		String text = "und Ann Park, geboren\nam 25.04.1967, wohnhaft in Köln";
		List<PiiFinding> findings = this.detector.find(text, EnumSet.of(PiiEntity.DATE_OF_BIRTH));
		assertThat(findings).hasSize(1);
		assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("25.04.1967");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Invoice no. 2024-001234 dated 2024-03-01", "Total 1.234,56 EUR, VAT 19 %",
			"Order 4111 1111 1111 1112 is not a card", "Account DE89 3704 0044 0532 0130 01", "Version 1.2.3.4.5",
			"Meeting at 10:30:00 in room 3", "Invoice date: 04/07/2024", "Ref 123-45-67890", "SSN 000-12-3456",
			"Call me at noon", "Postcode 10115 Berlin", "user@localhost is no address", "Item 1234567 x 3 units",
			"Quantity 0000000000000000", "Providence, RI 02907-6776", "EIN: 05-7119760",
			"VAT Reg. No.: GB 030 1045 01" })
	void leavesLookalikesAlone(String text) {
		assertThat(this.detector.find(text, EnumSet.allOf(PiiEntity.class))).as(text).isEmpty();
	}

	@Test
	void findsEveryPieceInALongerText() {
		String text = """
				Bill to: Ada Lovelace, ada@example.org, +1 415 555 0132.
				Pay to IBAN FR14 2004 1010 0505 0001 3M02 606 before 31.12.2024.
				Card on file: 4012888888881881. Server 10.0.0.1.
				""";
		List<PiiEntity> found = this.detector.find(text, EnumSet.allOf(PiiEntity.class))
			.stream()
			.map(PiiFinding::entity)
			.toList();
		assertThat(found).containsExactlyInAnyOrder(PiiEntity.EMAIL, PiiEntity.PHONE, PiiEntity.IBAN,
				PiiEntity.CREDIT_CARD, PiiEntity.IP_ADDRESS);
	}

	@Test
	void checksumsTellNumbersApart() {
		assertThat(Checksums.luhn("79927398713")).isTrue();
		assertThat(Checksums.luhn("79927398710")).isFalse();
		assertThat(Checksums.iban("NL91ABNA0417164300")).isTrue();
		assertThat(Checksums.iban("NL91ABNA0417164301")).isFalse();
		assertThat(Checksums.iban("XX91ABNA0417164300")).as("unknown country").isFalse();
		assertThat(Checksums.iban("NL91ABNA04171643")).as("wrong length for NL").isFalse();
	}

}
