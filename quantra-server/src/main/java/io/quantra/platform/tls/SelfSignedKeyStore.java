package io.quantra.platform.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import io.quantra.platform.OwnerOnlyFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate Quantra serves HTTPS with until the operator supplies one: an ECDSA
 * P-256 key and a self-signed certificate for localhost, generated once and kept
 * (owner-readable only) in {@code <data>/tls}, together with a PEM copy clients can
 * choose to trust.
 */
public final class SelfSignedKeyStore {

	public static final String ALIAS = "quantra";

	private static final Duration VALIDITY = Duration.ofDays(825);

	private final Path directory;

	public SelfSignedKeyStore(Path directory) {
		this.directory = directory;
	}

	public Path directory() {
		return this.directory;
	}

	public Path keyStore() {
		return this.directory.resolve("keystore.p12");
	}

	public Path certificatePem() {
		return this.directory.resolve("certificate.pem");
	}

	private Path passwordFile() {
		return this.directory.resolve("keystore.password");
	}

	/**
	 * Generates the key store unless a complete one is already there.
	 * @return whether a new certificate was generated
	 */
	public boolean ensureExists() {
		if (Files.isRegularFile(keyStore()) && Files.isRegularFile(passwordFile())) {
			return false;
		}
		try {
			Files.createDirectories(this.directory);
			generate();
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the TLS key store to " + this.directory, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot generate a self-signed TLS certificate", ex);
		}
	}

	/**
	 * The key store's password, as kept beside it.
	 */
	public String password() {
		try {
			return Files.readString(passwordFile(), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + passwordFile(), ex);
		}
	}

	private void generate() throws IOException, GeneralSecurityException, OperatorCreationException {
		SecureRandom random = new SecureRandom();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		KeyPair keyPair = generator.generateKeyPair();
		X509Certificate certificate = selfSign(keyPair, random);

		byte[] secret = new byte[24];
		random.nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(ALIAS, keyPair.getPrivate(), password.toCharArray(), new Certificate[] { certificate });

		OwnerOnlyFiles.write(passwordFile(), password.getBytes(StandardCharsets.UTF_8));
		try (var bytes = new java.io.ByteArrayOutputStream()) {
			store.store(bytes, password.toCharArray());
			OwnerOnlyFiles.write(keyStore(), bytes.toByteArray());
		}
		String pem = "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(certificate.getEncoded())
				+ "\n-----END CERTIFICATE-----\n";
		Files.writeString(certificatePem(), pem, StandardCharsets.US_ASCII);
	}

	private static X509Certificate selfSign(KeyPair keyPair, SecureRandom random)
			throws GeneralSecurityException, OperatorCreationException, IOException {
		X500Name subject = new X500Name("CN=localhost,O=Quantra self-signed");
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, random),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
				keyPair.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAlternativeNames()));
		var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

	private static GeneralName[] subjectAlternativeNames() {
		List<GeneralName> names = new ArrayList<>();
		names.add(new GeneralName(GeneralName.dNSName, "localhost"));
		names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
		names.add(new GeneralName(GeneralName.iPAddress, "::1"));
		try {
			String host = InetAddress.getLocalHost().getHostName();
			if (!host.isBlank() && !host.equals("localhost")) {
				names.add(new GeneralName(GeneralName.dNSName, host));
			}
		}
		catch (UnknownHostException ex) {
			// no host name to add; localhost still works
		}
		return names.toArray(GeneralName[]::new);
	}

}
