package io.quantra.platform.tls;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestDatabases;
import io.quantra.TestServers;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS is the default: the first start generates a certificate for localhost into the
 * data directory, clients that trust it connect with full verification, and later starts
 * reuse it.
 */
class TlsIntegrationTests {

	@Test
	void firstStartServesHttpsWithAGeneratedCertificateThatLaterStartsReuse() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		X509Certificate first;
		try (ConfigurableApplicationContext server = TestServers
			.start(Map.of("quantra.data-dir", dataDir.toString(), "quantra.tls", "on"))) {
			SelfSignedKeyStore keyStore = new SelfSignedKeyStore(dataDir.resolve("tls"));
			assertThat(Files.getPosixFilePermissions(keyStore.keyStore()))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			first = certificate(keyStore.certificatePem());
			HttpTestClient https = HttpTestClient.tls(TestServers.port(server), trusting(first));

			Response version = https.get("/version");
			assertThat(version.status()).isEqualTo(200);
			assertThat(version.header("Strict-Transport-Security")).contains("max-age=31536000");
			assertThat(https.get("/missing").header("Strict-Transport-Security")).isNotNull();
		}
		try (ConfigurableApplicationContext restarted = TestServers
			.start(Map.of("quantra.data-dir", dataDir.toString(), "quantra.tls", "on"))) {
			X509Certificate second = certificate(new SelfSignedKeyStore(dataDir.resolve("tls")).certificatePem());
			assertThat(second).isEqualTo(first);
			assertThat(HttpTestClient.tls(TestServers.port(restarted), trusting(first)).get("/version").status())
				.isEqualTo(200);
		}
	}

	@Test
	void generatedCertificateNamesLocalhost() throws Exception {
		Path tls = TestDatabases.newDataDirectory().resolve("tls");
		SelfSignedKeyStore keyStore = new SelfSignedKeyStore(tls);
		assertThat(keyStore.ensureExists()).isTrue();
		assertThat(keyStore.ensureExists()).isFalse();
		X509Certificate certificate = certificate(keyStore.certificatePem());
		assertThat(certificate.getSubjectAlternativeNames()).map((name) -> String.valueOf(name.get(1)))
			.contains("localhost", "127.0.0.1");
		assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore.keyStore())) {
			store.load(in, keyStore.password().toCharArray());
		}
		assertThat(store.isKeyEntry(SelfSignedKeyStore.ALIAS)).isTrue();
	}

	private static X509Certificate certificate(Path pem) throws Exception {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static SSLContext trusting(X509Certificate certificate) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		trust.setCertificateEntry("quantra", certificate);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
