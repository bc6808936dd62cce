package io.quantra.plugins.builtin;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.quantra.plugins.PluginFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Tesseract OCR engine, run as its command-line program (see
 * {@code docs/decisions/0022-ocr-with-tesseract-cli.md}). At start-up it asks the program
 * for its version and installed languages; when the program is missing, OCR is reported
 * unavailable instead of failing the start. Each page is written as a PNG into the node's
 * workspace and recognised by its own process, on one thread, killed when the node is
 * cancelled or the page overruns its time. At most {@code max-parallel} pages are
 * rendered and recognised at once on this server, which bounds the CPU and the memory
 * page images take; a node with several pages recognises that many at once, on
 * {@link #workers threads of its own}.
 */
@Component
class TesseractCli {

	private static final Logger log = LoggerFactory.getLogger(TesseractCli.class);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

	private final String executable;

	private final Duration pageTimeout;

	private final int maxParallel;

	private final Semaphore slots;

	private final String version;

	private final Set<String> languages;

	private final String missing;

	@Autowired
	TesseractCli(@Value("${quantra.ocr.tesseract-path:tesseract}") String executable,
			@Value("${quantra.ocr.page-timeout:120s}") Duration pageTimeout,
			@Value("${quantra.ocr.max-parallel:0}") int maxParallel) {
		this.executable = executable;
		this.pageTimeout = pageTimeout;
		this.maxParallel = (maxParallel > 0) ? maxParallel : Math.max(1, Runtime.getRuntime().availableProcessors());
		this.slots = new Semaphore(this.maxParallel, true);
		String version = null;
		Set<String> languages = Set.of();
		String missing = null;
		try {
			List<String> versionOutput = probe("--version");
			version = versionOutput.isEmpty() ? "unknown" : versionOutput.get(0).strip();
			languages = new LinkedHashSet<>();
			for (String line : probe("--list-langs")) {
				if (line.matches("[A-Za-z0-9_]+")) {
					languages.add(line.strip());
				}
			}
			if (languages.isEmpty()) {
				missing = "Tesseract is installed but has no language data; install one such as "
						+ "tesseract-ocr-eng.";
			}
		}
		catch (IOException ex) {
			missing = "The OCR engine Tesseract was not found at '" + executable
					+ "'; install it (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng) "
					+ "or set quantra.ocr.tesseract-path.";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			missing = "The check for the OCR engine was interrupted at start-up.";
		}
		this.version = version;
		this.languages = Set.copyOf(languages);
		this.missing = missing;
		if (missing == null) {
			log.info("OCR with {} ({} languages)", version, this.languages.size());
		}
		else {
			log.warn("OCR is unavailable: Tesseract was not found or has no language data");
		}
	}

	/** What this server lacks to recognise text, or null when the engine is ready. */
	String missing() {
		return this.missing;
	}

	/**
	 * The version line of the engine, such as {@code tesseract 5.3.0}; null when missing.
	 */
	String version() {
		return this.version;
	}

	/** The languages the engine has data for, by Tesseract's names. */
	Set<String> languages() {
		return this.languages;
	}

	/**
	 * Threads on which a node recognises its pages, as many as this server recognises at
	 * once ({@code ocr-1}, {@code ocr-2}, …); null when that is one page, or the node has
	 * only one, and its pages are recognised on the node's own thread.
	 * @param pages how many pages the node has
	 */
	PageWorkers workers(int pages) {
		int threads = Math.min(this.maxParallel, pages);
		return (threads > 1) ? new PageWorkers("ocr", threads) : null;
	}

	/**
	 * The text Tesseract recognises in a page image.
	 * @param page renders the page; called once a slot is free, so only as many page
	 * images exist at once as pages are recognised
	 * @param language Tesseract's {@code -l} argument ({@code eng+deu})
	 * @param dpi the resolution the page was rendered at, or 0 when unknown
	 * @param directory where the page image is written, and deleted again
	 * @param where which page of which file, for messages
	 */
	String recognise(PageImage page, String language, int dpi, Path directory, String where)
			throws IOException, InterruptedException, PluginFailure {
		this.slots.acquire();
		Path image = null;
		Path text = null;
		Path errors = null;
		try {
			text = Files.createTempFile(directory, "page-", ".txt");
			errors = Files.createTempFile(directory, "page-", ".log");
			if (page.file() != null) {
				try {
					return run(page.file(), language, dpi, text, errors, where);
				}
				catch (PluginFailure ex) {
					if (!ex.retryable()) {
						throw ex;
					}
					// an image Tesseract's reader does not take as it is: decoded below
				}
			}
			image = Files.createTempFile(directory, "page-", ".pgm");
			writeGray(page.render(), image);
			return run(image, language, dpi, text, errors, where);
		}
		finally {
			this.slots.release();
			for (Path file : new Path[] { image, text, errors }) {
				if (file != null) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/** Runs Tesseract on one image file, in the caller's recognition slot. */
	private String run(Path image, String language, int dpi, Path text, Path errors, String where)
			throws IOException, InterruptedException, PluginFailure {
		if (Thread.interrupted()) {
			throw new InterruptedException("Cancelled before the OCR of " + where);
		}
		List<String> command = new ArrayList<>(
				List.of(this.executable, image.toString(), "stdout", "-l", language, "--psm", "3"));
		if (dpi > 0) {
			command.addAll(List.of("--dpi", Integer.toString(dpi)));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(text.toFile())
			.redirectError(errors.toFile());
		// one thread per process: predictable CPU use next to the other nodes
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		Process process = builder.start();
		try {
			if (!process.waitFor(this.pageTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "OCR of " + where + " did not finish within "
						+ this.pageTimeout.toSeconds() + " s (quantra.ocr.page-timeout).", false);
			}
		}
		finally {
			stop(process);
		}
		if (process.exitValue() != 0) {
			throw new PluginFailure("NODE_FAILED", "Tesseract failed on " + where + " with exit status "
					+ process.exitValue() + ": " + lastLine(errors), true);
		}
		return new String(Files.readAllBytes(text), StandardCharsets.UTF_8).replace("\f", "").strip();
	}

	/**
	 * Writes a page image as 8-bit grey PGM: Tesseract reads it as fast as a raw file,
	 * where encoding a PNG of a 300 dpi page takes longer than reading it back.
	 */
	static void writeGray(BufferedImage image, Path file) throws IOException {
		BufferedImage gray = (image.getType() == BufferedImage.TYPE_BYTE_GRAY) ? image : gray(image);
		int width = gray.getWidth();
		int height = gray.getHeight();
		byte[] row = new byte[width];
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
			java.awt.image.Raster raster = gray.getRaster();
			for (int y = 0; y < height; y++) {
				raster.getDataElements(0, y, width, 1, row);
				out.write(row);
			}
		}
	}

	/**
	 * Kills a process that is still running — on timeout, or when the node is cancelled.
	 */
	private static void stop(Process process) {
		if (!process.isAlive()) {
			return;
		}
		process.destroyForcibly();
		boolean interrupted = Thread.interrupted();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> probe(String option) throws IOException, InterruptedException {
		Path output = Files.createTempFile("quantra-tesseract-", ".txt");
		try {
			Process process = new ProcessBuilder(this.executable, option).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			try {
				if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IOException(this.executable + " " + option + " did not answer");
				}
			}
			finally {
				stop(process);
			}
			if (process.exitValue() != 0) {
				throw new IOException(this.executable + " " + option + " exited with " + process.exitValue());
			}
			return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines().toList();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static String lastLine(Path errors) throws IOException {
		List<String> lines = new String(Files.readAllBytes(errors), StandardCharsets.UTF_8).lines()
			.filter((line) -> !line.isBlank())
			.toList();
		String last = lines.isEmpty() ? "no message" : lines.get(lines.size() - 1).strip();
		return (last.length() > 200) ? last.substring(0, 200) : last;
	}

	/** An image of a kind the PNG writer refuses (16-bit samples, say), as 8-bit gray. */
	private static BufferedImage gray(BufferedImage image) {
		BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		java.awt.Graphics2D graphics = gray.createGraphics();
		try {
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return gray;
	}

	/** Renders one page image on demand. */
	@FunctionalInterface
	interface PageImage {

		BufferedImage render() throws IOException, InterruptedException, PluginFailure;

		/**
		 * A file Tesseract can read as it is, skipping the decoding and encoding of the
		 * image; null when the page must be rendered.
		 */
		default Path file() {
			return null;
		}

	}

}
