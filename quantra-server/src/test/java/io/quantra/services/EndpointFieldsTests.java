package io.quantra.services;

import java.util.Collections;
import java.util.List;

import io.quantra.platform.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointFieldsTests {

	@Test
	void acceptsHostNamesAndAddressesAsGiven() {
		assertThat(EndpointFields.host("OCR.internal")).isEqualTo("ocr.internal");
		assertThat(EndpointFields.host("ocr-1.svc.cluster.local.")).isEqualTo("ocr-1.svc.cluster.local");
		assertThat(EndpointFields.host("localhost")).isEqualTo("localhost");
		assertThat(EndpointFields.host("10.0.0.7")).isEqualTo("10.0.0.7");
		assertThat(EndpointFields.host("::1")).isEqualTo("::1");
		assertThat(EndpointFields.host("[fd00::7]")).isEqualTo("fd00::7");
	}

	@Test
	void refusesHostsThatAreNotBareNamesOrAddresses() {
		assertInvalid(() -> EndpointFields.host("grpc://ocr.internal"), "without a scheme");
		assertInvalid(() -> EndpointFields.host("ocr.internal/call"), "without a path");
		assertInvalid(() -> EndpointFields.host("ocr internal"), "whitespace");
		assertInvalid(() -> EndpointFields.host("ocr.internal:50051"), "port field");
		assertInvalid(() -> EndpointFields.host("-ocr.internal"), "not a valid host name");
		assertInvalid(() -> EndpointFields.host("ocr..internal"), "not a valid host name");
		assertInvalid(() -> EndpointFields.host("ocr_tool.internal"), "not a valid host name");
		assertInvalid(() -> EndpointFields.host("300.1.1.1"), "not a valid IPv4");
		assertInvalid(() -> EndpointFields.host("a".repeat(254)), "at most 253");
		assertInvalid(() -> EndpointFields.host(""), "host is required");
	}

	@Test
	void checksPortProtocolAndPluginIds() {
		assertThat(EndpointFields.port(50051)).isEqualTo(50051);
		assertInvalid(() -> EndpointFields.port(0), "between 1 and 65535, not 0");
		assertInvalid(() -> EndpointFields.port(65536), "between 1 and 65535");
		assertInvalid(() -> EndpointFields.port(null), "between 1 and 65535");
		assertInvalid(() -> EndpointFields.protocol("http"), "grpc (plain text) or grpcs (TLS), not 'http'");
		assertThat(EndpointFields.pluginIds(List.of("trocr", "ocr_v2", "trocr"))).containsExactly("trocr", "ocr_v2");
		assertInvalid(() -> EndpointFields.pluginIds(List.of("OCR", "ok", "with-dash")), "not: OCR, with-dash");
		assertInvalid(() -> EndpointFields.pluginIds(Collections.nCopies(51, "a")), "at most 50");
	}

	@Test
	void acceptsOnlyParseableCertificatesAndOnlyForTls() {
		assertInvalid(() -> EndpointFields.caCertificate("not a certificate"), "-----BEGIN CERTIFICATE-----");
		assertInvalid(
				() -> EndpointFields.caCertificate(
						"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"),
				"not a readable X.509");
		assertThat(EndpointFields.caCertificate(ServiceEndpointsContract.CA)).startsWith("-----BEGIN CERTIFICATE-----");
		assertInvalid(() -> EndpointFields.caCertificateFits("grpc", ServiceEndpointsContract.CA), "grpcs only");
	}

	@Test
	void readsTheMajorProtocolVersion() {
		assertThat(EndpointHealthCheck.major("1.0")).isEqualTo("1");
		assertThat(EndpointHealthCheck.major("v2.3.1")).isEqualTo("2");
		assertThat(EndpointHealthCheck.major("1")).isEqualTo("1");
		assertThat(EndpointHealthCheck.major("one")).isNull();
		assertThat(EndpointHealthCheck.major(null)).isNull();
	}

	private static void assertInvalid(Runnable check, String message) {
		assertThatThrownBy(check::run).isInstanceOf(ApiException.class).hasMessageContaining(message);
	}

}
