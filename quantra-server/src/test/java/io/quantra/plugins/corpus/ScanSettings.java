package io.quantra.plugins.corpus;

import java.util.Random;

/**
 * How one document is printed and "scanned": paper, typeface, resolution and how much the
 * scan is degraded. Drawn from the document's id, so the same document always looks the
 * same.
 *
 * @param letterPaper US Letter rather than A4
 * @param serif Times (PDF) and a serif face (scan) rather than Helvetica and a sans face
 * @param pointSize physical type size before it is shrunk to fit the longest line
 * @param dpi scan resolution
 * @param rotationDegrees skew of the page on the scanner glass
 * @param ink grey level of the darkest ink (0 black)
 * @param paper grey level of the paper (255 white)
 * @param noiseSigma standard deviation of the gaussian sensor noise in grey levels
 * @param saltAndPepper share of pixels flipped to black or white
 * @param speckles dark specks of dust per million pixels
 * @param blur whether the scan is slightly out of focus
 */
public record ScanSettings(boolean letterPaper, boolean serif, float pointSize, int dpi, double rotationDegrees,
		int ink, int paper, double noiseSigma, double saltAndPepper, int speckles, boolean blur) {

	public static ScanSettings of(SyntheticDocument document) {
		Random random = new Random(document.id().hashCode() * 31L + document.text().hashCode());
		int dpi = 200 + 25 * random.nextInt(5);
		double rotation = (0.3 + random.nextDouble() * 1.2) * (random.nextBoolean() ? 1 : -1);
		return new ScanSettings(document.region() == Region.US, random.nextBoolean(), 10 + random.nextInt(5) * 0.5f,
				dpi, rotation, 10 + random.nextInt(60), 225 + random.nextInt(31), 2 + random.nextDouble() * 6,
				random.nextDouble() * 0.0008, 20 + random.nextInt(180), random.nextInt(3) == 0);
	}

	float pageWidthPoints() {
		return this.letterPaper ? 612 : 595.28f;
	}

	float pageHeightPoints() {
		return this.letterPaper ? 792 : 841.89f;
	}

}
