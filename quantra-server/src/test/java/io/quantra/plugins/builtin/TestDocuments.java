package io.quantra.plugins.builtin;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Documents made by the tests themselves — well-formed ones and hostile ones — so that
 * nothing is downloaded.
 */
final class TestDocuments {

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private TestDocuments() {
	}

	/** A PDF with a text layer, one page per entry of {@code pages}. */
	static byte[] textPdf(List<String> pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (String text : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 14);
					content.newLineAtOffset(72, 760);
					content.showText(text);
					content.endText();
				}
			}
			return save(document);
		}
	}

	/**
	 * A scanned page: a PDF whose only page is an image of {@code text}, no text layer.
	 */
	static byte[] scannedPdf(String text) throws IOException {
		return scannedPdf(List.of(text));
	}

	/**
	 * A scan: a PDF with a page per text, each page an image of it, no text layer.
	 */
	static byte[] scannedPdf(List<String> pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (String text : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				// 1654 × 2339 pixels: A4 at 200 dpi
				BufferedImage scan = textImage(text, 1654, 2339, 56);
				PDImageXObject image = LosslessFactory.createFromImage(document, scan);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
				}
			}
			return save(document);
		}
	}

	/**
	 * A PDF of {@code count} blank pages that all share one page dictionary's resources.
	 */
	static byte[] blankPdf(int count, PDRectangle size) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < count; i++) {
				document.addPage(new PDPage(size));
			}
			return save(document);
		}
	}

	/** A PDF that needs the password {@code secret} to open. */
	static byte[] encryptedPdf() throws IOException {
		try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(textPdf(List.of("Confidential")))) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "secret",
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			return save(document);
		}
	}

	/**
	 * Black text on white, large and clear, as a scanner at about 300 dpi would see it.
	 */
	static BufferedImage textImage(String text, int width, int height, int points) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(Color.BLACK);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, points));
			int y = points * 3;
			for (String line : text.split("\n")) {
				graphics.drawString(line, points * 2, y);
				y += points * 2;
			}
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** A TIFF with one page per image. */
	static byte[] multiPageTiff(List<BufferedImage> pages) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionType("Deflate");
			writer.prepareWriteSequence(null);
			for (BufferedImage page : pages) {
				writer.writeToSequence(new IIOImage(page, null, null), param);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * The start of a PNG that claims {@code width} × {@code height} pixels: a valid
	 * signature and IHDR chunk (its CRC right), then a few bytes of image data.
	 */
	static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
		// 8-bit RGB, deflate, adaptive filtering, no interlace
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12 + 16);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
		png.putInt(16).put("IDAT".getBytes(StandardCharsets.US_ASCII)).put(new byte[12]);
		return png.array();
	}

	/** A Word document of the given paragraphs. */
	static byte[] docx(List<String> paragraphs) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String text : paragraphs) {
				document.createParagraph().createRun().setText(text);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A Word document whose main part unpacks to {@code megabytes} MB of blanks: a few
	 * hundred kilobytes on disk, a zip bomb once opened.
	 */
	static byte[] zipBombDocx(int megabytes) throws IOException {
		byte[] valid = docx(List.of("harmless"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("word/document.xml")) {
					bomb(in, out, megabytes);
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static void bomb(InputStream document, OutputStream out, int megabytes) throws IOException {
		String xml = new String(document.readAllBytes(), StandardCharsets.UTF_8);
		int body = xml.indexOf("<w:body>") + "<w:body>".length();
		out.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
		byte[] blanks = new byte[1024 * 1024];
		Arrays.fill(blanks, (byte) ' ');
		for (int i = 0; i < megabytes; i++) {
			out.write(blanks);
		}
		out.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}
