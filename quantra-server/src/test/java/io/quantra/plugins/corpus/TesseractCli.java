package io.quantra.plugins.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code tesseract} command line on a page image and returns the recognised
 * text. One thread per run, since the build machines are shared.
 */
final class TesseractCli {

	private TesseractCli() {
	}

	static String recognise(Path image, String language, int dpi) {
		String languages = "de".equals(language) ? "deu" : "eng";
		ProcessBuilder builder = new ProcessBuilder(
				List.of("tesseract", image.toString(), "stdout", "-l", languages, "--dpi", String.valueOf(dpi)));
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		builder.redirectError(ProcessBuilder.Redirect.DISCARD);
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("tesseract failed on " + image + "; run it by hand to see why: "
						+ String.join(" ", builder.command()));
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot run tesseract; install it (apt-get install tesseract-ocr tesseract-ocr-deu)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while tesseract read " + image, ex);
		}
	}

}
