package io.quantra.plugins.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import io.quantra.platform.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each well-known extension is recognised from its bytes, and refused when the bytes are
 * something else.
 */
class ContentSnifferTests {

	private final ContentSniffer sniffer = new ContentSniffer();

	@Test
	void documentsAreRecognisedByTheirBytes() throws IOException {
		assertThat(type("a.pdf", FileUploadIntegrationTests.pdf())).isEqualTo("application/pdf");
		assertThat(type("a.DOCX", FileUploadIntegrationTests.docx())).isEqualTo(ContentSniffer.DOCX);
		assertThat(type("a.png", image("png"))).isEqualTo("image/png");
		assertThat(type("a.jpg", image("jpg"))).isEqualTo("image/jpeg");
		assertThat(type("a.jpeg", image("jpg"))).isEqualTo("image/jpeg");
		assertThat(type("a.tif", image("tiff"))).isEqualTo("image/tiff");
		assertThat(type("a.tiff", image("tiff"))).isEqualTo("image/tiff");
		assertThat(type("a.txt", text("plain words\n"))).isEqualTo("text/plain");
		assertThat(type("a.md", text("# Title\n\n*emphasis*\n"))).isEqualTo("text/markdown");
		assertThat(type("a.csv", text("name,amount\nAda,3\n"))).isEqualTo("text/csv");
		assertThat(type("latin1.csv", "Gr\u00fc\u00dfe;1\n".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("text/csv");
	}

	@Test
	void bytesThatAreNotWhatTheExtensionClaimsAreRefused() throws IOException {
		assertRefused("a.pdf", text("%PD not quite"));
		assertRefused("a.pdf", image("png"));
		assertRefused("a.docx", FileUploadIntegrationTests.zip());
		assertRefused("a.docx", FileUploadIntegrationTests.pdf());
		assertRefused("a.png", image("jpg"));
		assertRefused("a.jpg", FileUploadIntegrationTests.pdf());
		assertRefused("a.tiff", image("png"));
		assertRefused("a.txt", image("png"));
		assertRefused("a.csv", new byte[] { 'a', ',', 0, 'b' });
		assertRefused("a.md", Arrays.copyOf(new byte[] { 1, 2, 3, 4 }, 64));
	}

	@Test
	void otherExtensionsMustAgreeWithTheirBytes() throws IOException {
		assertThat(type("data.json", text("{\"a\": 1}"))).isEqualTo("application/json");
		assertRefused("data.json", FileUploadIntegrationTests.pdf());
	}

	@Test
	void namesKeepNoFolderAndNoControlCharacters() {
		assertThat(UploadName.clean("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
		assertThat(UploadName.clean("C:\\temp\\a.pdf")).isEqualTo("a.pdf");
		assertThat(UploadName.clean("  spaced name.pdf ")).isEqualTo("spaced name.pdf");
		for (String bad : new String[] { "..", "../", "a/", "", " ", "a\nb.pdf", "a\u0000.pdf", "a\u007f.pdf",
				"x".repeat(256) }) {
			assertThatThrownBy(() -> UploadName.clean(bad)).as(bad)
				.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.status().value()).isEqualTo(400));
		}
		assertThat(UploadName.extension("Report.PDF")).isEqualTo(".pdf");
		assertThat(UploadName.extension(".hidden")).isEmpty();
	}

	private String type(String name, byte[] bytes) throws IOException {
		byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, ContentSniffer.HEAD_BYTES));
		return this.sniffer.mediaType(name, head, () -> new ByteArrayInputStream(bytes));
	}

	private void assertRefused(String name, byte[] bytes) {
		assertThatThrownBy(() -> type(name, bytes)).as(name)
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.status().value()).isEqualTo(415));
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] image(String format) throws IOException {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).as(format + " writer").isTrue();
		return out.toByteArray();
	}

}
