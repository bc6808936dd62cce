package io.quantra.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;

import io.quantra.webhooks.WebhookTargets.RefusedTarget;
import io.quantra.webhooks.WebhookTargets.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The address classifier behind the SSRF protection: addresses inside the network are
 * refused in every form they can be written in, public ones pass.
 */
class WebhookTargetsTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.255.0.9", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1",
			"172.31.255.255", "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254",
			"192.0.0.8", "198.18.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1",
			"fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "::127.0.0.1", "::10.0.0.1",
			"64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "2002:7f00:1::", "2002:a00:1::1", "100::1" })
	void refusesAddressesInsideTheNetwork(String literal) throws Exception {
		assertThat(WebhookTargets.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
			"100.128.0.1", "169.253.255.255", "192.0.1.1", "198.20.0.1", "223.255.255.255", "11.0.0.1",
			"2606:4700:4700::1111", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1" })
	void passesPublicAddresses(String literal) throws Exception {
		assertThat(WebhookTargets.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
	}

	@Test
	void ipv4MappedAddressesAreJudgedByTheIpv4AddressTheyCarry() throws Exception {
		byte[] mappedMetadata = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254,
				(byte) 169, (byte) 254 };
		assertThat(WebhookTargets.refusal(Inet6Address.getByAddress(null, mappedMetadata, -1)))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("link-local"));
		byte[] mappedPublic = mappedMetadata.clone();
		mappedPublic[12] = 8;
		mappedPublic[13] = 8;
		mappedPublic[14] = 8;
		mappedPublic[15] = 8;
		assertThat(WebhookTargets.refusal(Inet6Address.getByAddress(null, mappedPublic, -1))).isEmpty();
		assertThat(WebhookTargets.refusal(InetAddress.getByName("::ffff:10.0.0.1"))).isPresent();
	}

	@Test
	void hostsAreResolvedAndEveryAddressChecked() {
		assertThatThrownBy(() -> WebhookTargets.vet(URI.create("http://localhost:8080/hook"), false))
			.isInstanceOf(RefusedTarget.class)
			.hasMessageContaining("loopback")
			.hasMessageContaining("webhooks_allow_private_targets");
		assertThatThrownBy(() -> WebhookTargets.vet(URI.create("http://[::1]/hook"), false))
			.isInstanceOf(RefusedTarget.class)
			.hasMessageContaining("::1");
		assertThatThrownBy(() -> WebhookTargets.vet(WebhookTargets.checkedUrl("http://2130706433/"), false))
			.as("a decimal IPv4 address is still 127.0.0.1")
			.isInstanceOf(RefusedTarget.class)
			.hasMessageContaining("127.0.0.1");
		assertThatThrownBy(() -> WebhookTargets.vet(URI.create("http://0.0.0.0:80/"), false))
			.isInstanceOf(RefusedTarget.class)
			.hasMessageContaining("unspecified");
		assertThatThrownBy(() -> WebhookTargets.vet(URI.create("http://nothing-here.invalid/"), true))
			.isInstanceOf(RefusedTarget.class)
			.hasMessageContaining("could not be resolved");
	}

	@Test
	void theConnectionGoesToTheCheckedAddressUnderTheOriginalHostName() throws Exception {
		Target target = WebhookTargets.vet(URI.create("http://localhost:8080/a/b%20c?x=1&y=%2F"), true);
		assertThat(target.pinned().getHost()).isIn("127.0.0.1", "[0:0:0:0:0:0:0:1]");
		assertThat(target.pinned().getPort()).isEqualTo(8080);
		assertThat(target.pinned().getRawPath()).isEqualTo("/a/b%20c");
		assertThat(target.pinned().getRawQuery()).isEqualTo("x=1&y=%2F");
		assertThat(target.hostHeader()).isEqualTo("localhost:8080");
		Target v6 = new Target(URI.create("https://[::1]"), InetAddress.getByName("::1"));
		assertThat(v6.pinned()).hasToString("https://[0:0:0:0:0:0:0:1]/");
		assertThat(v6.hostHeader()).isEqualTo("[::1]");
		assertThat(v6.https()).isTrue();
	}

	@Test
	void urlsMustBeAbsoluteHttpWithoutCredentials() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookTargets.checkedUrl(null))
			.withMessageContaining("required");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookTargets.checkedUrl("/relative"))
			.withMessageContaining("absolute");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookTargets.checkedUrl("ftp://example.com/"))
			.withMessageContaining("http");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookTargets.checkedUrl("https://u:p@example.com/"))
			.withMessageContaining("user name");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookTargets.checkedUrl("https://exa mple.com/"))
			.withMessageContaining("not a valid URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookTargets.checkedUrl("https://example.com/" + "a".repeat(2000)))
			.withMessageContaining("2000");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookTargets.checkedUrl("https://example.com/#top"))
			.withMessageContaining("fragment");
		assertThat(WebhookTargets.checkedUrl("HTTPS://Example.com:8443/hooks?x=1"))
			.hasToString("HTTPS://Example.com:8443/hooks?x=1");
	}

}
